import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { filterLeads } from '@/utils/leads/filter';
import type { Lead } from '@/utils/leads/schema';
import { deleteLead, putLead, type LeadDb } from '@/utils/leads/store';
import { LeadEditor } from './LeadEditor';

/** The saved-leads list: search, tag filter, edit, open source page, delete. */
export function SavedLeads(props: { db: LeadDb; leads: Lead[]; tags: string[]; onChanged: () => void }) {
  const { db, leads, tags, onChanged } = props;
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const id = useId();
  const shown = filterLeads(leads, { query, tag });

  const remove = async (lead: Lead) => {
    if (!confirm(`Delete ${lead.name || lead.emails[0] || 'this lead'}? This cannot be undone.`)) return;
    try {
      await deleteLead(db, lead.id);
      onChanged();
    } catch (e) {
      setError(`Could not delete: ${(e as Error).message}`);
    }
  };

  // An edit replaces the lead as the user left it: no merging with itself.
  const update = async (lead: Lead) => {
    await putLead(db, { ...lead, updatedAt: new Date().toISOString() });
    onChanged();
    return 'updated' as const;
  };

  return (
    <div>
      <div className="filters">
        <label htmlFor={`${id}-q`}>Search</label>
        <input id={`${id}-q`} type="search" placeholder="Name, company or email" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor={`${id}-tag`}>Tag</label>
        <select id={`${id}-tag`} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="summary">
        {leads.length === 0 ? 'No saved leads yet.' : `${shown.length} of ${leads.length} leads`}
      </p>
      <ul className="leads" aria-label="Saved leads">
        {shown.map((l) => (
          <li key={l.id} aria-label={l.name || l.emails[0] || 'Lead'}>
            <div className="lead-main">
              <strong>{l.name || l.emails[0] || 'Unnamed'}</strong>
              {(l.title || l.company) && <span className="muted"> {[l.title, l.company].filter(Boolean).join(' · ')}</span>}
              {l.emails[0] && <div className="muted">{l.emails[0]}</div>}
              {l.tags.length > 0 && (
                <div>
                  {l.tags.map((t) => (
                    <span className="tag" key={t}>
                      {t}
                    </span>
                  ))}
                </div>
              )}
            </div>
            <div className="lead-actions">
              <button type="button" aria-expanded={editing === l.id} onClick={() => setEditing(editing === l.id ? null : l.id)}>
                {editing === l.id ? 'Close' : 'Edit'}
              </button>
              {l.sourceUrl && /^https?:/i.test(l.sourceUrl) && (
                <button type="button" onClick={() => void browser.tabs.create({ url: l.sourceUrl })}>
                  Open page
                </button>
              )}
              <button type="button" className="danger" onClick={() => void remove(l)}>
                Delete
              </button>
            </div>
            {editing === l.id && <LeadEditor lead={l} knownTags={tags} alreadySaved onSave={update} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
