/** Engine paths in a virtual workspace (src/extension/workspacePaths.ts): which folder's scheme and authority a path goes back to. */
import * as assert from 'node:assert/strict';
import { isWorkspaceLocation, virtualFolderOfPath } from '../../../src/extension/workspacePaths';

const folder = (scheme: string, authority: string, path: string) => ({ name: path, uri: { scheme, authority, path } });
const blog = folder('vscode-vfs', 'github', '/owner/blog');
const blogDocs = folder('vscode-vfs', 'github', '/owner/blog/docs');
const other = folder('vscode-remote', 'localhost:8000', '/srv/site/');
const local = folder('file', '', '/home/me/site');

describe('engine paths of a virtual workspace', () => {
  it('belong to the deepest virtual folder holding them', () => {
    assert.equal(virtualFolderOfPath('/owner/blog/content/post.md', [blog, blogDocs, other]), blog);
    assert.equal(virtualFolderOfPath('/owner/blog/docs/intro.md', [blog, blogDocs]), blogDocs);
    assert.equal(virtualFolderOfPath('/owner/blog', [blog]), blog);
    assert.equal(virtualFolderOfPath('/srv/site/a.md', [blog, other]), other, 'a folder URI ending in / holds its files');
  });

  it('above a virtual folder (the configuration looked up upwards) take the folder below them', () => {
    assert.equal(virtualFolderOfPath('/owner', [local, blog]), blog);
    assert.equal(virtualFolderOfPath('/', [blog]), blog);
  });

  it('are file system paths when no virtual folder holds them or lies below them', () => {
    assert.equal(virtualFolderOfPath('/home/me/site/post.md', [local, blog]), undefined);
    assert.equal(virtualFolderOfPath('/owner/blogger/post.md', [blog]), undefined, 'a name that only starts like the folder');
    assert.equal(virtualFolderOfPath('/owner/blog/post.md', [local]), undefined);
  });

  it('are a URI path only for a URI of a workspace folder scheme and authority, a file path always', () => {
    assert.ok(isWorkspaceLocation({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/blog/x.md' }, [blog]));
    assert.ok(!isWorkspaceLocation({ scheme: 'vscode-vfs', authority: 'gitlab', path: '/owner/blog/x.md' }, [blog]));
    assert.ok(!isWorkspaceLocation({ scheme: 'git', authority: '', path: '/owner/blog/x.md' }, [blog]));
    assert.ok(isWorkspaceLocation({ scheme: 'file', authority: '', path: '/tmp/x.md' }, []));
  });
});
