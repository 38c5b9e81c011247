import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CheckField } from '../../ui/check-field.tsx';
import { Field, SelectField } from '../../ui/field.tsx';
import { useLoad, useSubmit } from '../load.ts';
import { ApiNotice, Done, UpgradeNotice } from '../notice.tsx';
import { useConsoleText } from '../texts.ts';
import {
  type AfterHours,
  type ConsoleMe,
  DAY_KEYS,
  type DayKey,
  type HoursAnswer,
  type Schedule,
} from '../types.ts';

const AFTER_KINDS: AfterHours['kind'][] = ['voicemail', 'forward', 'announcement', 'ai_receptionist'];

function afterHoursOf(kind: string, old: AfterHours): AfterHours {
  if (kind === 'forward') return { kind, to: old.kind === 'forward' ? old.to : '' };
  if (kind === 'announcement') return old.kind === 'announcement' ? old : { kind, text: '', language: 'fr' };
  if (kind === 'ai_receptionist') return { kind };
  return { kind: 'voicemail' };
}

/** The week with opening ranges per day, holidays, and what callers get when the team is closed. */
export function HoursScreen({ me }: { me: ConsoleMe }) {
  const t = useConsoleText();
  const { t: common } = useI18n();
  const loaded = useLoad<HoursAnswer>('/api/business-hours');
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmit();
  useEffect(() => {
    if (loaded.data) setSchedule(loaded.data.schedule);
  }, [loaded.data]);
  if (!schedule) return <ApiNotice error={loaded.error} />;
  const err = (path: string) => submit.error?.fields[path];
  const dayName = (day: DayKey) => t(`day.${day}`);
  const setDay = (day: DayKey, change: (old: Schedule['days'][DayKey]) => Schedule['days'][DayKey]) =>
    setSchedule((old) => (old ? { ...old, days: { ...old.days, [day]: change(old.days[day]) } } : old));
  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const answer = await submit.run(() => api<HoursAnswer>('PUT', '/api/business-hours', schedule));
    if (answer) {
      setSchedule(answer.schedule);
      setSaved(t('hours.saved'));
    }
  }
  const hasAi = me.account.features.includes('ai_receptionist');
  return (
    <section aria-labelledby="hours-title">
      <h1 id="hours-title">{t('hours.title')}</h1>
      {loaded.data?.open !== undefined ? (
        <p className="muted">{loaded.data.open ? t('hours.openNow') : t('hours.closedNow')}</p>
      ) : null}
      <form onSubmit={save} noValidate>
        <div className="card">
          <Field
            label={t('hours.timeZone')}
            value={schedule.timeZone}
            onChange={(e) => setSchedule({ ...schedule, timeZone: e.target.value })}
            error={err('timeZone')}
          />
        </div>
        <fieldset className="card">
          <legend>{t('hours.week')}</legend>
          {DAY_KEYS.map((day) => {
            const d = schedule.days[day];
            return (
              <div key={day} className="day" data-day={day}>
                <CheckField
                  label={t('hours.open', { day: dayName(day) })}
                  checked={d.enabled}
                  onChange={(e) => {
                    const enabled = e.target.checked;
                    setDay(day, (old) => ({
                      enabled,
                      ranges:
                        enabled && old.ranges.length === 0 ? [{ start: '09:00', end: '18:00' }] : old.ranges,
                    }));
                  }}
                  error={err(`days.${day}.ranges`) ?? err(`days.${day}`)}
                />
                {d.enabled ? (
                  <>
                    {d.ranges.map((range, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a range is its position; the inputs are controlled
                      <div className="range" key={`${day}-${index}`}>
                        <Field
                          label={t('hours.from', { day: dayName(day), n: index + 1 })}
                          // Text, not type="time": the API takes 24:00 as an end, which a time input cannot hold.
                          inputMode="numeric"
                          placeholder="09:00"
                          value={range.start}
                          onChange={(e) =>
                            setDay(day, (old) => ({
                              ...old,
                              ranges: old.ranges.map((r, i) =>
                                i === index ? { ...r, start: e.target.value } : r,
                              ),
                            }))
                          }
                          error={err(`days.${day}.ranges.${index}.start`)}
                        />
                        <Field
                          label={t('hours.to', { day: dayName(day), n: index + 1 })}
                          inputMode="numeric"
                          placeholder="18:00"
                          value={range.end}
                          onChange={(e) =>
                            setDay(day, (old) => ({
                              ...old,
                              ranges: old.ranges.map((r, i) =>
                                i === index ? { ...r, end: e.target.value } : r,
                              ),
                            }))
                          }
                          error={err(`days.${day}.ranges.${index}.end`)}
                        />
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() =>
                            setDay(day, (old) => ({
                              ...old,
                              ranges: old.ranges.filter((_, i) => i !== index),
                            }))
                          }
                        >
                          {t('hours.removeRange', { day: dayName(day), n: index + 1 })}
                        </button>
                      </div>
                    ))}
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() =>
                        setDay(day, (old) => ({
                          ...old,
                          ranges: [...old.ranges, { start: '14:00', end: '18:00' }],
                        }))
                      }
                    >
                      {t('hours.addRange', { day: dayName(day) })}
                    </button>
                  </>
                ) : (
                  <p className="muted">{t('hours.closed')}</p>
                )}
              </div>
            );
          })}
        </fieldset>
        <fieldset className="card">
          <legend>{t('hours.holidays')}</legend>
          {schedule.holidays.map((date, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a holiday being typed has no identity but its position
            <div className="range" key={`holiday-${index}`}>
              <Field
                label={t('hours.holiday', { n: index + 1 })}
                type="date"
                value={date}
                onChange={(e) =>
                  setSchedule({
                    ...schedule,
                    holidays: schedule.holidays.map((h, i) => (i === index ? e.target.value : h)),
                  })
                }
                error={err(`holidays.${index}`)}
              />
              <button
                type="button"
                className="secondary small"
                onClick={() =>
                  setSchedule({ ...schedule, holidays: schedule.holidays.filter((_, i) => i !== index) })
                }
              >
                {t('hours.removeHoliday', { n: index + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary small"
            onClick={() => setSchedule({ ...schedule, holidays: [...schedule.holidays, ''] })}
          >
            {t('hours.addHoliday')}
          </button>
        </fieldset>
        <fieldset className="card">
          <legend>{t('hours.after')}</legend>
          <SelectField
            label={t('hours.afterKind')}
            value={schedule.afterHours.kind}
            onChange={(e) =>
              setSchedule({ ...schedule, afterHours: afterHoursOf(e.target.value, schedule.afterHours) })
            }
            error={err('afterHours.kind') ?? err('afterHours')}
          >
            {AFTER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`hours.after.${kind}`)}
              </option>
            ))}
          </SelectField>
          {schedule.afterHours.kind === 'ai_receptionist' && !hasAi ? <UpgradeNotice /> : null}
          {schedule.afterHours.kind === 'forward' ? (
            <Field
              label={t('hours.forwardTo')}
              type="tel"
              value={schedule.afterHours.to}
              onChange={(e) =>
                setSchedule({ ...schedule, afterHours: { kind: 'forward', to: e.target.value } })
              }
              error={err('afterHours.to')}
            />
          ) : null}
          {schedule.afterHours.kind === 'announcement' ? (
            <>
              <Field
                label={t('hours.announcement')}
                value={schedule.afterHours.text}
                onChange={(e) =>
                  schedule.afterHours.kind === 'announcement' &&
                  setSchedule({ ...schedule, afterHours: { ...schedule.afterHours, text: e.target.value } })
                }
                error={err('afterHours.text')}
              />
              <SelectField
                label={t('hours.language')}
                value={schedule.afterHours.language}
                onChange={(e) =>
                  schedule.afterHours.kind === 'announcement' &&
                  setSchedule({
                    ...schedule,
                    afterHours: { ...schedule.afterHours, language: e.target.value === 'en' ? 'en' : 'fr' },
                  })
                }
                error={err('afterHours.language')}
              >
                <option value="fr">{t('lang.fr')}</option>
                <option value="en">{t('lang.en')}</option>
              </SelectField>
            </>
          ) : null}
        </fieldset>
        <ApiNotice error={submit.error} />
        <Done text={saved} />
        <button type="submit" disabled={submit.busy}>
          {common('common.save')}
        </button>
      </form>
    </section>
  );
}
