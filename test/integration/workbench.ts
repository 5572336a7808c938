/** The integration suite's view of the workbench DOM, through the Playwright runner (see test/e2e/protocol.ts). */
import * as fs from 'node:fs';
import {
  CHANNEL_ENV,
  requestFile,
  responseFile,
  writeJsonAtomically,
  type StatusBarItemObservation,
  type WorkbenchRequest,
  type WorkbenchResponse,
} from '../e2e/protocol';

const POLL_MS = 100;

export class WorkbenchClient {
  private sequence = 0;

  constructor(private readonly channel: string) {}

  statusBarItem(waitFor?: { text: string } | { absent: true }, timeoutMs = 30_000): Promise<StatusBarItemObservation> {
    return this.request({ type: 'statusBarItem', waitFor, timeoutMs }, timeoutMs + 60_000) as Promise<StatusBarItemObservation>;
  }

  runE2eChecks(): Promise<unknown> {
    return this.request({ type: 'e2eChecks' }, 10 * 60_000);
  }

  private async request(request: WorkbenchRequest, timeoutMs: number): Promise<unknown> {
    const id = `${process.pid}-${++this.sequence}`;
    writeJsonAtomically(requestFile(this.channel, id), request);
    const deadline = Date.now() + timeoutMs;
    const file = responseFile(this.channel, id);
    while (!fs.existsSync(file)) {
      if (Date.now() > deadline) throw new Error(`the Playwright runner did not answer ${request.type} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const response = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkbenchResponse;
    if (!response.ok) throw new Error(`the Playwright runner failed ${request.type}: ${response.error}`);
    return response.result;
  }
}

/** Present when the suite runs under scripts/vscode-host.mjs (npm test); absent under test-electron. */
export const workbench: WorkbenchClient | undefined = process.env[CHANNEL_ENV]
  ? new WorkbenchClient(process.env[CHANNEL_ENV]!)
  : undefined;
