import { MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN, MOCK_PASSWORD, mockScenarios, type MockScenarioName } from '@pi-enroll/mock-api';

/**
 * A small panel for QA in `dev:mock`: pick a scenario (the page reloads with `?scenario=`) and see the codes the
 * fake accepts. Plain DOM, outside the widget, so it cannot disturb what is being tested.
 */
export function showScenarioPanel(current: MockScenarioName): void {
  const panel = document.createElement('aside');
  panel.setAttribute('aria-label', 'Mock API scenario');
  panel.style.cssText =
    'position:fixed;inset-block-end:8px;inset-inline-end:8px;z-index:2147483647;max-width:22rem;padding:8px 12px;' +
    'border:2px dashed #7a4a00;border-radius:8px;background:#fff8e1;color:#1a1d21;font:13px/1.4 system-ui,sans-serif';

  const label = document.createElement('label');
  label.textContent = 'Mock scenario ';
  const select = document.createElement('select');
  for (const [name, scenario] of Object.entries(mockScenarios)) {
    const option = new Option(name, name, false, name === current);
    option.title = scenario.description;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const url = new URL(window.location.href);
    url.searchParams.set('scenario', select.value);
    url.hash = select.value === 'launch-token' ? `launch_token=${MOCK_LAUNCH_TOKEN}` : '';
    window.location.assign(url);
  });
  label.append(select);

  const description = document.createElement('p');
  description.style.margin = '4px 0';
  description.textContent = mockScenarios[current].description;
  const codes = document.createElement('p');
  codes.style.margin = '0';
  codes.textContent = `Right code: ${MOCK_CORRECT_CODE} (or your app's). Password: ${MOCK_PASSWORD}.`;

  panel.append(label, description, codes);
  document.body.append(panel);
}
