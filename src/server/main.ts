/**
 * `article-language-server --stdio`: the language server over standard input and output (the
 * transport every LSP client offers). `--node-ipc` and `--socket=<port>` work too, as the library reads them.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  process.stdout.write('article-language-server\n');
  process.exit(0);
}

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
