import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/utils/messages';
import { TARGET_NAMES, type OutboxEntry, type Target, type TargetId } from '@/utils/sync/schema';
import { authorizeUrl, codeFromRedirect, createPkce, type LoginKind } from '@/utils/sync/salesforce-auth';
import { CRM_TEST_BUILD, targetEndpoint } from '@/utils/sync/targets';

/** The OAuth callback URL to register in the Connected App (identity.getRedirectURL(); computed before `identity` is granted in Chrome). */
function redirectUrl(): string {
  const identity = (browser as { identity?: { getRedirectURL(): string } }).identity;
  if (identity) return identity.getRedirectURL();
  return import.meta.env.FIREFOX ? '' : `https://${browser.runtime.id}.chromiumapp.org/`;
}

const HELP: Record<TargetId, string> = {
  hubspot: 'Paste a HubSpot Service Key (Development › Keys › Service keys) or a private-app token with the crm.objects.contacts and crm.objects.companies read/write scopes.',
  pipedrive: 'Paste your personal API token (Pipedrive → Settings → Personal preferences → API) and your company domain (acme for acme.pipedrive.com).',
  salesforce:
    'Connect with your Connected App (consumer key, "Require Secret for Web Server Flow" off, callback URL below), logging in to production, a sandbox or your My Domain; or, for editions without API access, use Web-to-Lead with your org id.',
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
  const [sfMode, setSfMode] = useState<'api' | 'web-to-lead'>('api');
  const [loginKind, setLoginKind] = useState<LoginKind>('production');
  const [myDomain, setMyDomain] = useState('');
  const [clientId, setClientId] = useState('');
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

  /**
   * Salesforce: the `identity` permission and the Salesforce hosts are asked
   * for first thing in the click; then the OAuth login (PKCE) runs in
   * Salesforce's own window and only the code and verifier go to the
   * background, which exchanges them for tokens.
   */
  const connectSalesforce = () => {
    const input = { target: id, mode: sfMode, loginKind, myDomain, baseUrl } as const;
    let endpoint: ReturnType<typeof targetEndpoint>;
    try {
      endpoint = targetEndpoint(input, CRM_TEST_BUILD);
    } catch (e) {
      setStatus({ ok: false, message: (e as Error).message });
      return;
    }
    if (sfMode === 'api' && !clientId.trim()) {
      setStatus({ ok: false, message: "Paste your Connected App's consumer key first" });
      return;
    }
    // identity is optional in Chrome only (Firefox and the test build hold it from install, and refuse a request for it).
    const optional = (browser.runtime.getManifest().optional_permissions ?? []) as string[];
    const asked = browser.permissions.request(sfMode === 'api' && optional.includes('identity') ? { permissions: ['identity'], origins: endpoint.origins } : { origins: endpoint.origins });
    void run(async () => {
      const granted = await asked.catch(() => false);
      if (!granted) return { ok: false, message: `host permission refused: Prospect Scout needs access to ${endpoint.origins.join(', ')}${sfMode === 'api' ? ' and the identity permission (for the Salesforce login window)' : ''} to sync with Salesforce` };
      if (sfMode === 'web-to-lead') return sendToBackground('ui:connect', { ...input, orgId: token });
      const redirectUri = browser.identity.getRedirectURL();
      const pkce = await createPkce();
      const url = authorizeUrl({ loginUrl: endpoint.baseUrl, clientId: clientId.trim(), redirectUri, challenge: pkce.challenge, state: pkce.state });
      let answer: string | undefined;
      try {
        answer = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      } catch (e) {
        return { ok: false, message: `Salesforce login did not finish: ${(e as Error).message}` };
      }
      const code = codeFromRedirect(answer ?? '', pkce.state);
      return sendToBackground('ui:connect', { ...input, clientId: clientId.trim(), code, codeVerifier: pkce.verifier, redirectUri });
    });
  };

  const salesforceForm = (
    <>
      <fieldset>
        <legend>How to send leads</legend>
        <label>
          <input type="radio" name={`${uid}-mode`} checked={sfMode === 'api'} onChange={() => setSfMode('api')} /> REST API (log in with OAuth)
        </label>
        <label>
          <input type="radio" name={`${uid}-mode`} checked={sfMode === 'web-to-lead'} onChange={() => setSfMode('web-to-lead')} /> Web-to-Lead (no API access needed; creates leads, cannot update them)
        </label>
      </fieldset>
      {sfMode === 'api' ? (
        <>
          <div className="field">
            <label htmlFor={`${uid}-login`}>Log in to</label>
            <select id={`${uid}-login`} value={loginKind} onChange={(e) => setLoginKind(e.target.value as LoginKind)}>
              <option value="production">Production (login.salesforce.com)</option>
              <option value="sandbox">Sandbox (test.salesforce.com)</option>
              <option value="mydomain">My Domain</option>
            </select>
          </div>
          {loginKind === 'mydomain' && (
            <div className="field">
              <label htmlFor={`${uid}-mydomain`}>My Domain (acme for acme.my.salesforce.com)</label>
              <input id={`${uid}-mydomain`} value={myDomain} onChange={(e) => setMyDomain(e.target.value)} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${uid}-client`}>Consumer key</label>
            <input id={`${uid}-client`} autoComplete="off" value={clientId} onChange={(e) => setClientId(e.target.value)} />
          </div>
          <p className="muted">
            Callback URL for the Connected App: <code>{redirectUrl() || 'shown by identity.getRedirectURL() once the identity permission is granted'}</code>
          </p>
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${uid}-token`}>Org id (Setup → Company Information, starts with 00D)</label>
          <input id={`${uid}-token`} autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        </div>
      )}
    </>
  );

  return (
    <section className="crm-target" aria-label={name}>
      <h3>{name}</h3>
      {!target ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (id === 'salesforce') connectSalesforce();
            else connect();
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
          {id === 'salesforce' ? (
            salesforceForm
          ) : (
            <div className="field">
              <label htmlFor={`${uid}-token`}>{id === 'webhook' ? 'Signing secret (optional, whsec_…)' : 'Token'}</label>
              <input id={`${uid}-token`} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
            </div>
          )}
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
          <p className="counts" role="group" aria-label={`${name} counts`}>
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
          {id !== 'webhook' && id !== 'salesforce' && (
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
                const revoke = id === 'salesforce' && target?.mode === 'api' ? ' The login is also revoked at Salesforce.' : '';
                if (!confirm(`Disconnect ${name}? The token and the host permission are removed.${revoke}`)) return;
                void run(async () => {
                  await sendToBackground('ui:disconnect', { target: id });
                  // The login window is not needed any more (where identity is optional; elsewhere it is required).
                  if (id === 'salesforce' && ((browser.runtime.getManifest().optional_permissions ?? []) as string[]).includes('identity'))
                    await browser.permissions.remove({ permissions: ['identity'] }).catch(() => false);
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
