/** Engine paths in a virtual workspace (src/extension/workspacePaths.ts): which folder's scheme and authority a path goes back to. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { isWorkspaceLocation, locationOfWindowsPath, virtualFolderOfPath, windowsPathOfLocation } from '../../../src/extension/workspacePaths';

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

  describe("on Windows (the engine's paths are Windows paths there)", () => {
    const win = path.win32;
    const location = { scheme: 'vscode-vfs', authority: 'github+7b2276223a317d', path: '/owner/blog/content/post.md' };
    const back = (enginePath: string) => locationOfWindowsPath(enginePath, [blog, other, { uri: { ...location, path: '/owner/blog' } }]);

    it('are UNC paths naming the scheme and authority, which Windows path functions keep whole', () => {
      const enginePath = windowsPathOfLocation(location);
      assert.equal(enginePath, '\\\\vscode-vfs\\github%2B7b2276223a317d\\owner\\blog\\content\\post.md');
      // The engine resolves paths before it looks a configuration up: no drive letter comes in.
      assert.equal(win.resolve(enginePath), enginePath);
      assert.deepEqual(back(enginePath), location);
    });

    it("go up folder by folder to the repository's root, each in the same scheme and authority", () => {
      const seen: string[] = [];
      for (let folder = win.dirname(windowsPathOfLocation(location)); ; folder = win.dirname(folder)) {
        const found = back(folder);
        assert.ok(found, `${folder} goes back to a virtual location`);
        assert.equal(found.scheme, 'vscode-vfs');
        assert.equal(found.authority, location.authority);
        seen.push(found.path);
        if (win.dirname(folder) === folder) break;
      }
      assert.deepEqual(seen, ['/owner/blog/content', '/owner/blog', '/owner', '/']);
    });

    it("join, relative and a configuration's `/` values give the paths of the same repository", () => {
      const article = windowsPathOfLocation(location);
      const image = win.join(win.dirname(article), '..', 'public/images', 'hero.png');
      assert.deepEqual(back(image), { ...location, path: '/owner/blog/public/images/hero.png' });
      assert.equal(win.relative(windowsPathOfLocation({ ...location, path: '/owner/blog' }), article), 'content\\post.md');
      // Forward slashes, as a path written with `/` may come back.
      assert.deepEqual(back(article.replace(/\\/g, '/')), location);
      // An empty authority, and one with a port.
      const remote = { scheme: 'vscode-remote', authority: 'localhost:8000', path: '/srv/site/a.md' };
      assert.deepEqual(back(windowsPathOfLocation(remote)), remote);
      const bare = { scheme: 'memfs', authority: '', path: '/a.md' };
      assert.deepEqual(locationOfWindowsPath(windowsPathOfLocation(bare), [folder('memfs', '', '/')]), bare);
    });

    it('are file system paths when they are a drive path or a network share that is no virtual folder', () => {
      assert.equal(back('C:\\Users\\me\\blog\\post.md'), undefined);
      assert.equal(back('\\\\fileserver\\share\\blog\\post.md'), undefined);
      assert.equal(back('\\\\vscode-vfs\\gitlab\\owner\\post.md'), undefined, 'another authority than the folders\'');
      assert.equal(locationOfWindowsPath(windowsPathOfLocation(location), [local]), undefined, 'no virtual folder at all');
    });
  });
});
