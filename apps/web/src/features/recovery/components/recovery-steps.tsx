import { useState } from 'react';
import { Button } from '../../../components/button';
import { CodeForm } from '../../../components/code-form';
import { ExpiryCountdown } from '../../../components/expiry-countdown';
import { ProblemAlert } from '../../../components/problem-alert';
import { Screen } from '../../../components/screen';
import { Subheading } from '../../../components/step-heading';
import { MethodI18nProvider, useMethodI18n } from '../../../lib/i18n/method-messages';
import type { MethodStepsProps } from '../../../lib/method-ui';

/** The recovery codes' one screen, with the method's strings (their own chunk). */
export function RecoverySteps(props: MethodStepsProps<'recovery'>) {
  return (
    <MethodI18nProvider>
      <RecoveryCodesStep {...props} />
    </MethodI18nProvider>
  );
}

/** The codes as a text file: a line saying what they are, then one numbered code per line. */
export function recoveryCodesText(header: string, label: (number: number) => string, codes: readonly string[]): string {
  return [header, '', ...codes.map((code, index) => `${label(index + 1)}: ${code}`), ''].join('\n');
}

/**
 * The codes, shown this once (nothing in privacyIDEA until one is typed back): a numbered monospace grid, copy
 * all, download as .txt, print (the print stylesheet shows only the grid). Then the user types back the code the
 * view names, which proves they kept them; that code is then used up.
 */
function RecoveryCodesStep({ pending, busy, problem, submit, cancel }: MethodStepsProps<'recovery'>) {
  const { t, format, plural } = useMethodI18n();
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const number = pending.confirmCodeNumber;
  const expected = pending.codes[number - 1] ?? '';
  const wrongCode = problem?.code === 'invalid_code';
  const text = recoveryCodesText(t.recovery.fileHeader, (n) => format(t.recovery.codeNumber, { number: n }), pending.codes);

  function download() {
    // A link to the codes as a Blob, clicked at once: nothing of them is fetched or kept anywhere but the download.
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t.recovery.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopyStatus('copied');
    } catch {
      setCopyStatus('failed');
    }
  }

  return (
    <Screen step={busy ? 'confirming' : 'recoveryCodes'} heading={t.recovery.heading}>
      <p className="pie-text">{t.recovery.intro}</p>
      {/* A new set replaces the old one only once it is confirmed (the BFF does that), whoever started it. */}
      <p className="pie-hint">{t.recovery.replaces}</p>
      <ol className="pie-recovery-codes" aria-label={t.recovery.listLabel}>
        {pending.codes.map((code, index) => (
          <li key={index}>
            <span className="pie-recovery-codes__number">{format(t.recovery.codeNumber, { number: index + 1 })}</span>{' '}
            <code className="pie-key">{code}</code>
          </li>
        ))}
      </ol>
      <div className="pie-actions pie-recovery-actions">
        <Button onClick={() => void copy()}>{t.recovery.copy}</Button>
        <Button onClick={download}>{t.recovery.download}</Button>
        <Button onClick={() => window.print()}>{t.recovery.print}</Button>
        <span className="pie-hint" role="status">
          {copyStatus === 'copied' ? t.recovery.copied : copyStatus === 'failed' ? t.recovery.copyFailed : ''}
        </span>
      </div>
      <Subheading className="pie-subheading">{t.recovery.confirmHeading}</Subheading>
      <p className="pie-text">{format(t.recovery.confirmIntro, { number })}</p>
      {problem && !wrongCode && <ProblemAlert problem={problem} />}
      <CodeForm
        key={pending.attemptsLeft}
        label={format(t.recovery.label, { number })}
        digits={expected.length}
        incomplete={format(t.recovery.incomplete, { digits: expected.length, number })}
        submitLabel={t.recovery.submit}
        busy={busy}
        error={wrongCode ? plural(t.recovery.wrong, pending.attemptsLeft, { number }) : undefined}
        takesFocus={problem !== undefined}
        onSubmit={(code) => submit({ code })}
      />
      <ExpiryCountdown expiresAt={pending.expiresAt} />
      <div className="pie-actions">
        <Button variant="quiet" disabled={busy} onClick={cancel}>
          {t.common.cancel}
        </Button>
      </div>
    </Screen>
  );
}
