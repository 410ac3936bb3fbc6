import { useEffect, useId, useState } from 'react';
import { countryCodes, getSettings, saveSettings, type Settings } from '@/utils/settings';

/** Capture settings: the country used to read national phone numbers. */
export function SettingsPanel() {
  const [settings, setSettings] = useState<Settings>();
  const [status, setStatus] = useState('');
  const id = useId();
  useEffect(() => void getSettings().then(setSettings), []);
  if (!settings) return null;
  const names = new Intl.DisplayNames(undefined, { type: 'region' });
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Capture</h2>
      <div className="field">
        <label htmlFor={`${id}-cc`}>Country for phone numbers without a +country code</label>
        <select
          id={`${id}-cc`}
          value={settings.defaultCountry}
          onChange={async (e) => {
            try {
              setSettings(await saveSettings({ defaultCountry: e.target.value }));
              setStatus('Saved');
            } catch (err) {
              setStatus(`Not saved: ${(err as Error).message}`);
            }
          }}
        >
          <option value="">Guess from the page (language, domain), else United States</option>
          {countryCodes().map((c) => (
            <option key={c} value={c}>
              {names.of(c) ?? c} ({c})
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="ok">
        {status}
      </p>
    </section>
  );
}
