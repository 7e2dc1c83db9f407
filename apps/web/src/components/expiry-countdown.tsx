import { useI18n } from '../lib/i18n/i18n-provider';
import { useSecondsLeft } from './use-seconds-left';

/** The countdown appears only in the last minutes: earlier it would only add pressure. */
export const COUNTDOWN_VISIBLE_SECONDS = 180;

/**
 * Time left before the pending enrollment expires. The ticking text is a `timer` (not read out every second);
 * a polite status says once that time is running out. The flow itself moves on to "expired" when time is up.
 */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const { t, format } = useI18n();
  const secondsLeft = useSecondsLeft(Date.parse(expiresAt));
  const visible = secondsLeft <= COUNTDOWN_VISIBLE_SECONDS;
  const time = `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')}`;
  return (
    <div className="pie-countdown">
      {visible && (
        <p role="timer" className="pie-countdown__time">
          {format(t.countdown.timeLeft, { time })}
        </p>
      )}
      <p role="status" className="pie-visually-hidden">
        {visible ? format(t.countdown.warning, { count: Math.ceil(COUNTDOWN_VISIBLE_SECONDS / 60) }) : ''}
      </p>
    </div>
  );
}
