/**
 * A real client: headless Neovim (0.7, Debian's package: `vim.lsp.start_client`, `vim.diagnostic`)
 * starts the server, opens a Hugo article and a generic one, and reports what it saw to a JSON file:
 * the diagnostics, the buffer after a code action chosen as a user chooses it, the completion at a
 * frontmatter key, and where Go to Definition on a link lands. CI installs neovim (.ci/run).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { siteRuleRegistry } from '../../../src/core';
import { FIXTURES, SERVER_MAIN, tempCopy } from './lspClient';

const SITE_RULES = new Set(siteRuleRegistry.map((rule) => rule.id));

/** Runs in Neovim: every step waits for the server, and any error is reported in the JSON. */
const SCRIPT = String.raw`
local env = vim.env
local report = { steps = {} }
local function write_report()
  local file = io.open(env.LSP_TEST_OUT, 'w')
  file:write(vim.fn.json_encode(report))
  file:close()
end

local function diagnostics_of(bufnr)
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(found, { code = diagnostic.code, line = diagnostic.lnum + 1, source = diagnostic.source })
  end
  return found
end

local function has_code(bufnr, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    if diagnostic.code == code then return true end
  end
  return false
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
end

local ok, problem = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'article-language-server',
    cmd = { env.LSP_TEST_NODE, env.LSP_TEST_SERVER, '--stdio' },
    root_dir = env.LSP_TEST_HUGO,
    workspace_folders = {
      { uri = vim.uri_from_fname(env.LSP_TEST_HUGO), name = 'hugo' },
      { uri = vim.uri_from_fname(env.LSP_TEST_GENERIC), name = 'generic' },
    },
  })
  assert(client_id, 'the client did not start')

  -- The Hugo article: its diagnostics, once the site-wide ones are in too.
  vim.cmd('edit ' .. vim.fn.fnameescape(env.LSP_TEST_HUGO_FILE))
  local hugo = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(hugo, client_id)
  assert(vim.wait(30000, function() return has_code(hugo, 'article-orphan') end, 50), 'no site-wide diagnostics for the Hugo article')
  report.hugo = diagnostics_of(hugo)
  table.insert(report.steps, 'hugo diagnostics')

  -- Completion at an empty line of the frontmatter.
  local uri = vim.uri_from_bufnr(hugo)
  local responses = vim.lsp.buf_request_sync(hugo, 'textDocument/completion', {
    textDocument = { uri = uri }, position = { line = 9, character = 0 }, context = { triggerKind = 1 },
  }, 10000)
  report.completion = {}
  for _, response in pairs(responses or {}) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(report.completion, item.label) end
  end
  table.insert(report.steps, 'completion')

  -- A code action on the misspelt key, chosen as a user picks it from the list.
  vim.api.nvim_win_set_cursor(0, { 9, 0 })
  local before = buffer_text(hugo)
  vim.ui.select = function(items, _opts, on_choice)
    for index, item in ipairs(items) do
      if item[2].title == env.LSP_TEST_ACTION then return on_choice(item, index) end
    end
    report.offered = vim.tbl_map(function(item) return item[2].title end, items)
    on_choice(nil, nil)
  end
  vim.lsp.buf.code_action()
  assert(vim.wait(10000, function() return buffer_text(hugo) ~= before end, 50), 'the code action changed nothing')
  report.fixed = buffer_text(hugo)
  table.insert(report.steps, 'code action')

  -- Go to Definition on a link: the target article, at its heading.
  vim.cmd('edit! ' .. vim.fn.fnameescape(env.LSP_TEST_LINKING_FILE))
  local linking = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(linking, client_id)
  assert(vim.wait(10000, function() return #vim.diagnostic.get(linking) > 0 end, 50), 'no diagnostics for the linking article')
  vim.api.nvim_win_set_cursor(0, { 9, 8 })
  vim.lsp.buf.definition()
  assert(vim.wait(10000, function() return vim.api.nvim_buf_get_name(0) ~= vim.api.nvim_buf_get_name(linking) end, 50), 'Go to Definition did not move')
  report.definition = { file = vim.api.nvim_buf_get_name(0), line = vim.api.nvim_win_get_cursor(0)[1], text = vim.api.nvim_get_current_line() }
  table.insert(report.steps, 'definition')

  -- The generic article: diagnostics once they have stopped changing.
  vim.cmd('edit ' .. vim.fn.fnameescape(env.LSP_TEST_GENERIC_FILE))
  local generic = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(generic, client_id)
  assert(vim.wait(30000, function() return #vim.diagnostic.get(generic) > 0 end, 50), 'no diagnostics for the generic article')
  vim.wait(1500, function() return false end, 50)
  report.generic = diagnostics_of(generic)
  table.insert(report.steps, 'generic diagnostics')
end)
if not ok then report.error = tostring(problem) end
write_report()
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.cmd('qa!')
`;

function nvimVersion(): string | undefined {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

interface NeovimReport {
  steps: string[];
  error?: string;
  hugo: { code: string; line: number; source: string }[];
  generic: { code: string; line: number; source: string }[];
  completion: string[];
  offered?: string[];
  fixed: string;
  definition: { file: string; line: number; text: string };
}

describe('language server in Neovim (a real client)', function () {
  this.timeout(120_000);

  it('shows the diagnostics, applies a code action, completes a key and goes to a link\'s heading', function () {
    const version = nvimVersion();
    assert.ok(version, 'Neovim is needed for this test: apt-get install neovim (CI installs it, see .ci/run)');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lsp-nvim-'));
    const hugo = tempCopy(path.join(FIXTURES, 'sites', 'hugo'));
    const generic = tempCopy(path.join(FIXTURES, 'examples'));
    try {
      fs.rmSync(path.join(generic, 'astro-site'), { recursive: true });
      const linking = path.join(hugo, 'content', 'posts', 'linking.md');
      fs.writeFileSync(
        linking,
        '---\ntitle: "Linking to the lake trail from another post"\ndescription: "A post that links to the lake trail, for the Neovim test of the server."\ndate: 2026-03-04\n---\n\n# Linking\n\nSee [the spring trail](yaml-post.md#the-lake-trail-in-spring).\n',
      );
      const hugoFile = path.join(hugo, 'content', 'posts', 'flawed.md');
      const script = path.join(work, 'client.lua');
      const out = path.join(work, 'report.json');
      fs.writeFileSync(script, SCRIPT);
      const result = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${script}`], {
        cwd: work,
        encoding: 'utf8',
        timeout: 100_000,
        env: {
          ...process.env,
          LSP_TEST_OUT: out,
          LSP_TEST_NODE: process.execPath,
          LSP_TEST_SERVER: SERVER_MAIN,
          LSP_TEST_HUGO: hugo,
          LSP_TEST_GENERIC: generic,
          LSP_TEST_HUGO_FILE: hugoFile,
          LSP_TEST_LINKING_FILE: linking,
          LSP_TEST_GENERIC_FILE: path.join(generic, 'flawed-article.md'),
          LSP_TEST_ACTION: 'Rename weigth to weight',
        },
      });
      assert.ok(fs.existsSync(out), `Neovim (${version}) wrote no report: exit ${result.status}, ${result.stderr}${result.stdout}`);
      const report = JSON.parse(fs.readFileSync(out, 'utf8')) as NeovimReport;
      assert.equal(report.error, undefined, `after ${report.steps.join(', ')}: ${report.error} (offered: ${report.offered?.join(' | ')})`);

      const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sites', 'hugo', 'expected.json'), 'utf8')) as Record<string, { findings: string[] }>;
      const hugoExpected = expected['content/posts/flawed.md'].findings.map((finding) => `${finding.split(' ')[0]} ${finding.split(' ')[1].split(':')[0]}`);
      const seen = (list: NeovimReport['hugo']) => list.map((diagnostic) => `${diagnostic.code} ${diagnostic.line}`).sort();
      assert.deepEqual(seen(report.hugo), [...hugoExpected, 'article-orphan 1'].sort());
      assert.ok(report.hugo.every((diagnostic) => diagnostic.source === 'article-lint'));

      const genericExpected = (JSON.parse(fs.readFileSync(path.join(FIXTURES, 'examples', 'flawed-article.expected.json'), 'utf8')) as { ruleId: string; line: number }[]).map(
        (finding) => `${finding.ruleId} ${finding.line}`,
      );
      assert.deepEqual(seen(report.generic.filter((diagnostic) => !SITE_RULES.has(diagnostic.code))), genericExpected.sort());

      const original = fs.readFileSync(hugoFile, 'utf8');
      assert.equal(report.fixed, original.replace('weigth = 3', 'weight = 3'));

      for (const key of ['linkTitle', 'summary', 'tags', 'draft']) assert.ok(report.completion.includes(key), `${key} in ${report.completion.join(', ')}`);
      assert.ok(!report.completion.includes('title'));

      assert.equal(fs.realpathSync(report.definition.file), fs.realpathSync(path.join(hugo, 'content', 'posts', 'yaml-post.md')));
      assert.equal(report.definition.text, '## The lake trail in spring');
    } finally {
      for (const folder of [work, hugo, generic]) fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
