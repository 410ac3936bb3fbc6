// The saved-leads view's code, loaded apart from the capture card's (after the capture is shown, or on opening the view). Kept out of components/ so WXT's auto-imports do not offer its re-exports as a second SavedLeads/SyncStatus.
export { SavedLeads } from '@/components/SavedLeads';
export { SyncStatus } from '@/components/SyncStatus';
