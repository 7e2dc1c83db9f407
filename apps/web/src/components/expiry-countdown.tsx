import { useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n/i18n-provider';

/** The countdown appears only in the last minutes: earlier it would only add pressure. */
export const COUNTDOWN_VISIBLE_SECONDS = 180;

function useSecondsLeft(expiresAt: string): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}

/**
 * Time left before the pending enrollment expires. The ticking text is a `timer` (not read out every second);
 * a polite status says once that time is running out. The flow itself moves on to "expired" when time is up.
 */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const { t, format } = useI18n();
  const secondsLeft = useSecondsLeft(expiresAt);
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
