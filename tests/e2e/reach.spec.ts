// Reach: email pattern suggestions on the capture card (and, below, the shortcut, context menus and badge).
import { expect, saveCard, test } from './fixtures';
import { listThroughStore, saveThroughStore } from './store-support';

test('a person at a domain where two saved leads use first.last@ gets a suggested address, in the lead only once accepted', async ({ openPopup, capture }) => {
  const seeder = await openPopup();
  await saveThroughStore(seeder, [
    { name: 'Jane Doe', emails: ['jane.doe@acme-widgets.example'], company: 'Acme Widgets' },
    { name: 'John Smith', emails: ['john.smith@acme-widgets.example'], company: 'Acme Widgets' },
  ]);

  // Not accepted: shown, but saving leaves it out of the lead.
  let { popup } = await capture('email-pattern.html');
  let card = popup.getByRole('form', { name: 'Prospect Émile Zola' });
  const suggestion = card.getByLabel('Suggested email');
  await expect(suggestion).toContainText('emile.zola@acme-widgets.example');
  await expect(suggestion).toContainText('guessed from 2 saved leads at acme-widgets.example');
  await saveCard(card);
  let emile = (await listThroughStore(seeder)).filter((l) => l.name === 'Émile Zola');
  expect(emile.map((l) => l.emails)).toEqual([[]]);
  await popup.close();

  // Accepted: the address becomes an email of the card and of the saved lead.
  ({ popup } = await capture('email-pattern.html'));
  card = popup.getByRole('form', { name: 'Prospect Émile Zola' });
  await card.getByRole('button', { name: 'Accept emile.zola@acme-widgets.example' }).click();
  await expect(card.getByRole('list', { name: 'Contact details' })).toContainText('emile.zola@acme-widgets.example');
  await expect(card.getByLabel('Suggested email')).toHaveCount(0);
  await saveCard(card);
  emile = (await listThroughStore(seeder)).filter((l) => l.name === 'Émile Zola');
  expect(emile.map((l) => l.emails).sort()).toEqual([[], ['emile.zola@acme-widgets.example']]);
});
