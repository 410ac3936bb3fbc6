// Turns off zod's compiled parsers before any schema is built: code evaluated through the debugger protocol passes zod's eval probe, then eval fails under the extension page's CSP.
import { config } from 'zod';

config({ jitless: true });
