// Capture runs from the popup through activeTab, and storage is only touched
// by extension pages, so the service worker has no standing work. It is kept
// (empty and cheap: it sleeps until an event) as the extension's stable
// background context, which is where future CRM sync will live.
export default defineBackground(() => {});
