// The saved-leads view's code, loaded apart from the capture card's (after the capture is shown, or on opening the view).
export { SavedLeads } from './SavedLeads';
export { SyncStatus } from './SyncStatus';
