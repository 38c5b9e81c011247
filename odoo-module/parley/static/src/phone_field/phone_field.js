/** @odoo-module **/

import { DIAL_EVENT } from '@parley/bridge/protocol';
import { patch } from '@web/core/utils/patch';
import { PhoneField } from '@web/views/fields/phone/phone_field';

/**
 * Click-to-dial: a "Parley" link beside every phone field (FormPhoneField extends PhoneField, so
 * both get it) that hands the number to the systray dialer instead of the OS `tel:` handler.
 */
patch(PhoneField.prototype, {
  onParleyDial(ev) {
    // In a list the link sits in a row whose click opens the record.
    ev.preventDefault();
    ev.stopPropagation();
    this.env.bus.trigger(DIAL_EVENT, { number: this.props.record.data[this.props.name] });
  },
});
