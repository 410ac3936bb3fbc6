// Stable entry of the extraction CLI at its historical path: the shared conformance driver and external scorers import it from here.
export { parseHtml, runExtractCli } from './extract/cli';
