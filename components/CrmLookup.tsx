import { useEffect, useState } from 'react';
import { sendToBackground, type UiAnswer } from '@/utils/messages';
import { TARGET_NAMES } from '@/utils/sync/schema';

type Hits = UiAnswer<'ui:lookup'>['hits'];

/**
 * "Already in HubSpot" for a prospect on the page, looked up by email or
 * LinkedIn URL in every connected CRM (the background caches answers and
 * keeps to the CRM's search rate). Shows nothing when no CRM is connected
 * or the lookup fails: it is a hint, never in the way of saving.
 */
export function CrmLookup(props: { email: string; linkedin: string }) {
  const { email, linkedin } = props;
  const [hits, setHits] = useState<Hits>([]);
  useEffect(() => {
    if (!email && !linkedin) return;
    let alive = true;
    sendToBackground('ui:lookup', { email, linkedin }).then(
      (a) => alive && setHits(a.hits),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [email, linkedin]);
  if (!hits.length) return null;
  return (
    <p className="crm-lookup" role="note">
      {hits.map((h) => (
        <span key={h.target}>
          Already in {TARGET_NAMES[h.target]}:{' '}
          {h.recordUrl && /^https?:/.test(h.recordUrl) ? (
            <a href={h.recordUrl} target="_blank" rel="noreferrer">
              {h.name}
            </a>
          ) : (
            h.name
          )}{' '}
        </span>
      ))}
    </p>
  );
}
