// The host side of embedding-demo.html (`npm run dev:mock`, then /embedding-demo.html): what a portal does.
import { MOCK_LAUNCH_TOKEN } from '@pi-enroll/mock-api';
import { startMockApiInMockMode } from '../app/start-mock-api';

await startMockApiInMockMode();
await import('../app/widget');

const frame = document.querySelector<HTMLIFrameElement>('#frame')!;
const log = document.querySelector('#log')!;
const note = (source: string, data: unknown) => log.append(`${source}: ${JSON.stringify(data)}\n`);

for (const type of ['pi-enroll:enrolled', 'pi-enroll:cancelled']) {
  document.addEventListener(type, (event) => note(`<pi-enroll-widget> ${type}`, (event as CustomEvent).detail));
}

window.addEventListener('message', (event: MessageEvent<{ type?: string; height?: number }>) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  note('iframe', event.data);
  // The host hands the launch token over once the widget says it is ready; it never goes into a URL.
  if (event.data.type === 'pi-enroll:ready') {
    frame.contentWindow?.postMessage({ type: 'pi-enroll:launch-token', launchToken: MOCK_LAUNCH_TOKEN }, window.location.origin);
  }
  if (event.data.type === 'pi-enroll:resize' && event.data.height) frame.style.height = `${event.data.height}px`;
});
