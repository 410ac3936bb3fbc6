import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/utils/messages';
import { TARGET_NAMES, type OutboxEntry, type Target, type TargetId } from '@/utils/sync/schema';
import { CRM_TEST_BUILD, targetEndpoint } from '@/utils/sync/targets';

const HELP: Record<TargetId, string> = {
  hubspot: 'Paste a HubSpot Service Key (Development › Keys › Service keys) or a private-app token with the crm.objects.contacts and crm.objects.companies read/write scopes.',
  pipedrive: 'Paste your personal API token (Pipedrive → Settings → Personal preferences → API) and your company domain (acme for acme.pipedrive.com).',
  webhook: 'Each saved lead is POSTed as JSON (Zapier Catch Hook, Make, n8n, your server), signed with Standard Webhooks headers. Leave the secret empty to have one generated.',
};

/** One CRM target on the options page: connect form, or status, options, sync buttons and counts. */
export function CrmTarget(props: { id: TargetId; target?: Target; counts: Record<OutboxEntry['status'], number>; tags: string[]; onChanged: () => void }) {
  const { id, target, counts, tags, onChanged } = props;
  const [token, setToken] = useState('');
  const [url, setUrl] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [domain, setDomain] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string }>();
  const [busy, setBusy] = useState(false);
  const uid = useId();
  const name = TARGET_NAMES[id];

  const run = async (fn: () => Promise<{ ok: boolean; message: string } | void>) => {
    setBusy(true);
    try {
      const r = await fn();
      if (r) setStatus(r);
    } catch (e) {
      setStatus({ ok: false, message: (e as Error).message });
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  // The permission request must be the first thing the click does (a user gesture; Firefox wants it before any await).
  const connect = () => {
    let origins: string[];
    try {
      origins = targetEndpoint({ target: id, url, baseUrl, domain }, CRM_TEST_BUILD).origins;
    } catch (e) {
      setStatus({ ok: false, message: (e as Error).message });
      return;
    }
    const asked = browser.permissions.request({ origins });
    void run(async () => {
      const granted = await asked.catch(() => false);
      if (!granted) return { ok: false, message: `host permission refused: Prospect Scout needs access to ${origins.join(', ')} to sync with ${name}` };
      const r = await sendToBackground('ui:connect', { target: id, token, url, baseUrl, domain });
      if (r.ok) setToken('');
      return r;
    });
  };

  return (
    <section className="crm-target" aria-label={name}>
      <h3>{name}</h3>
      {!target ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            connect();
          }}
        >
          <p className="muted">{HELP[id]}</p>
          {id === 'webhook' && (
            <div className="field">
              <label htmlFor={`${uid}-url`}>Webhook URL</label>
              <input id={`${uid}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.zapier.com/…" />
            </div>
          )}
          {id === 'pipedrive' && (
            <div className="field">
              <label htmlFor={`${uid}-domain`}>Company domain (acme for acme.pipedrive.com)</label>
              <input id={`${uid}-domain`} value={domain} onChange={(e) => setDomain(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${uid}-token`}>{id === 'webhook' ? 'Signing secret (optional, whsec_…)' : 'Token'}</label>
            <input id={`${uid}-token`} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
          </div>
          {CRM_TEST_BUILD && id !== 'webhook' && (
            <div className="field">
              <label htmlFor={`${uid}-base`}>API base URL (test build)</label>
              <input id={`${uid}-base`} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
            </div>
          )}
          <button type="submit" className="primary" disabled={busy}>
            Connect {name}
          </button>
        </form>
      ) : (
        <div>
          <p>
            Connected{target.account ? `: ${target.account}` : ''}
            {target.url ? ` (${target.url})` : ''}
          </p>
          {target.paused && (
            <p className="error" role="alert">
              Sync paused: {target.paused}. Reconnect needed: disconnect and connect again with a valid token; queued leads will be sent then.
            </p>
          )}
          <p className="counts" aria-label={`${name} counts`}>
            {counts.synced} synced · {counts.pending + counts.sending} pending · {counts.retrying} retrying · {counts.failed} failed
          </p>
          <label>
            <input
              type="checkbox"
              checked={target.autoSync}
              onChange={(e) => void run(async () => void (await sendToBackground('ui:target-options', { target: id, autoSync: e.target.checked })))}
            />{' '}
            Sync automatically when I save a lead
          </label>
          {id !== 'webhook' && (
            <label>
              <input
                type="checkbox"
                checked={target.companies}
                onChange={(e) => void run(async () => void (await sendToBackground('ui:target-options', { target: id, companies: e.target.checked })))}
              />{' '}
              Find or create the company (organization) and link it
            </label>
          )}
          <div className="row">
            <button type="button" disabled={busy} onClick={() => void run(() => sendToBackground('ui:test-connection', { target: id }))}>
              Test connection
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(async () => ({ ok: true, message: `${(await sendToBackground('ui:sync-leads', { target: id, all: true })).queued} leads queued` }))}
            >
              Sync all
            </button>
            <select aria-label="Tag to sync" value={tag} onChange={(e) => setTag(e.target.value)}>
              <option value="">Tag…</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={busy || !tag}
              onClick={() => void run(async () => ({ ok: true, message: `${(await sendToBackground('ui:sync-leads', { target: id, tag })).queued} leads queued` }))}
            >
              Sync tag
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => {
                if (!confirm(`Disconnect ${name}? The token and the host permission are removed.`)) return;
                void run(async () => {
                  await sendToBackground('ui:disconnect', { target: id });
                  return { ok: true, message: `${name} disconnected` };
                });
              }}
            >
              Disconnect
            </button>
          </div>
        </div>
      )}
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'ok' : 'error'}>
          {status.message}
        </p>
      )}
    </section>
  );
}
