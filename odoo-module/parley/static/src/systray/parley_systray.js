/** @odoo-module **/

import { Component, onWillStart, onWillUnmount, useRef, useState } from '@odoo/owl';
import { createDialerLink, DIAL_EVENT, dialerUrl } from '@parley/bridge/protocol';
import { _t } from '@web/core/l10n/translation';
import { registry } from '@web/core/registry';
import { useBus, useService } from '@web/core/utils/hooks';
import { session } from '@web/session';

/**
 * The Parley dialer in Odoo's systray. The iframe stays mounted while the panel is closed, so an
 * incoming call still rings and pops the caller's contact.
 */
export class ParleySystray extends Component {
  static template = 'parley.Systray';
  static props = {};

  setup() {
    this.action = useService('action');
    this.orm = useService('orm');
    this.notification = useService('notification');
    this.frame = useRef('frame');
    this.state = useState({ open: false, url: null, signedIn: false, inCall: false });
    onWillStart(async () => {
      const [parleyUrl] = await this.orm.call('parley.call', 'parley_dialer_settings', []);
      if (parleyUrl) {
        this.state.url = dialerUrl(parleyUrl, session.user_context?.lang);
        this.link = createDialerLink({
          frame: () => this.frame.el?.contentWindow ?? null,
          origin: new URL(parleyUrl).origin,
          on: {
            signedIn: (member) => (this.state.signedIn = Boolean(member)),
            screenPop: (call) => this.screenPop(call),
            callStarted: () => (this.state.inCall = true),
            callEnded: (call) => this.callEnded(call),
            openRecord: (url) => this.openRecord(url),
          },
        });
      }
    });
    const onMessage = (event) => this.link?.receive(event);
    window.addEventListener('message', onMessage);
    onWillUnmount(() => window.removeEventListener('message', onMessage));
    useBus(this.env.bus, DIAL_EVENT, ({ detail }) => this.dial(detail.number));
  }

  toggle() {
    if (!this.state.url) {
      this.notification.add(_t('Set the Parley URL in Settings first.'), { type: 'warning' });
      return;
    }
    this.state.open = !this.state.open;
  }

  dial(number) {
    if (!this.link) {
      this.notification.add(_t('Set the Parley URL in Settings first.'), { type: 'warning' });
      return;
    }
    this.state.open = true;
    this.link.dial(number);
  }

  async screenPop({ number, name }) {
    this.state.open = true;
    const partnerId = await this.orm.call('res.partner', 'parley_find_partner', [number]);
    if (!partnerId) {
      this.notification.add(_t('Incoming call from %s (not in your contacts)', name || number), {
        type: 'info',
      });
      return;
    }
    await this.action.doAction({
      type: 'ir.actions.act_window',
      res_model: 'res.partner',
      res_id: partnerId,
      views: [[false, 'form']],
      target: 'current',
    });
  }

  callEnded(call) {
    this.state.inCall = false;
    if (call?.number) {
      this.notification.add(
        _t('Call with %s ended; Parley logs it on the contact.', call.contact?.name || call.number),
        {
          type: 'success',
        },
      );
    }
  }

  openRecord(url) {
    if (new URL(url).origin === window.location.origin) {
      window.location.assign(url);
    } else {
      window.open(url, '_blank', 'noopener');
    }
  }
}

registry.category('systray').add('parley.systray', { Component: ParleySystray }, { sequence: 30 });
