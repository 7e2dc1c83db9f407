import { useI18n } from '../../../lib/i18n/i18n-provider';

export function LoadingScreen({ step = 'loading' }: { step?: string }) {
  const { t } = useI18n();
  return (
    <div className="pie-screen" data-step={step}>
      <p role="status" className="pie-busy">
        <span className="pie-spinner" aria-hidden="true" />
        {t.loading.heading}
      </p>
    </div>
  );
}
