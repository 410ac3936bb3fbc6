// Wires the sync service to the browser: messages from extension pages, the drain alarm, worker start.
import { browser } from 'wxt/browser';
import { openLeadDb, type LeadDb } from '../leads/store';
import { createUiMessageListener } from '../messages';
import { createSyncService } from './service';
import { CRM_TEST_BUILD } from './targets';

/** Name and period of the alarm that drains the outbox (recreated at every worker start). */
export const SYNC_ALARM = 'prospect-scout-sync';
const ALARM_PERIOD_MIN = 0.5;

/**
 * Registers the sync service's listeners; call once from the background
 * entrypoint. Returns `syncNow`, which starts a drain (for other background
 * code, which cannot message the background).
 */
export function setupSyncBackground(): { syncNow: () => void } {
  let dbPromise: Promise<LeadDb> | undefined;
  const service = createSyncService({
    db: () => (dbPromise ??= openLeadDb()),
    fetch: (...args) => fetch(...args),
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    removeOrigins: async (origins) => void (await browser.permissions.remove({ origins })),
    now: () => Date.now(),
    testBuild: CRM_TEST_BUILD,
    setTimer: (fn, ms) => void setTimeout(fn, ms),
  });
  browser.runtime.onMessage.addListener(
    createUiMessageListener(service.handlers, { runtimeId: browser.runtime.id, extensionBaseUrl: browser.runtime.getURL('/') }) as never,
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.drainSoon();
  });
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: ALARM_PERIOD_MIN });
  void service.start();
  return { syncNow: () => void service.drainSoon() };
}
