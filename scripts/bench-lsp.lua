-- Measures `lashing lsp` from Neovim's LSP client on LASHING_FILE (see bench-lsp.sh): the time to the
-- first diagnostics, how long a hover takes while a lint of a new edit is under way, the time to the
-- diagnostics of the edited text, and of a fifth edit (debounce included), and a code action request at a finding,
-- asked twice (the second finds the run's fixes planned), then, when "fix all safe findings" came without its edit,
-- the time to resolve it. Prints one "name seconds" line per figure to LASHING_OUT.
local out = os.getenv('LASHING_OUT')
local lines = {}
local function clock() return vim.loop.hrtime() / 1e9 end
local ok, failure = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('LASHING_FILE')))
  local buffer = vim.api.nvim_get_current_buf()
  local started = clock()
  local id = vim.lsp.start_client({ name = 'lashing', cmd = vim.split(os.getenv('LASHING_LSP_CMD'), '\n',
    { trimempty = true }), root_dir = vim.fn.getcwd() })
  vim.lsp.buf_attach_client(buffer, id)
  assert(vim.wait(600000, function() return #vim.diagnostic.get(buffer) > 0 end, 50), 'no diagnostics')
  table.insert(lines, string.format('first-diagnostics %.3f', clock() - started))
  local before = #vim.diagnostic.get(buffer)
  -- an edit that removes one finding: the first `privileged: true` becomes false
  local row = vim.fn.search('privileged: true') - 1
  vim.api.nvim_buf_set_text(buffer, row, 16, row, 20, { 'false' })
  vim.wait(300, function() return false end, 50) -- past the debounce: the new lint is running
  local asked = clock()
  local hover = vim.lsp.buf_request_sync(buffer, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buffer) }, position = { line = 1, character = 3 } }, 600000)
  assert(hover, 'no hover answer')
  table.insert(lines, string.format('hover-during-lint %.3f', clock() - asked))
  assert(vim.wait(600000, function() return #vim.diagnostic.get(buffer) == before - 1 end, 50),
    'no diagnostics for the edit')
  table.insert(lines, string.format('diagnostics-after-edit %.3f', clock() - asked))
  -- four more edits, each waited for: what a session of editing settles to once the server is warm
  local last
  for _ = 1, 4 do
    before = #vim.diagnostic.get(buffer)
    row = vim.fn.search('privileged: true') - 1
    local edited = clock()
    vim.api.nvim_buf_set_text(buffer, row, 16, row, 20, { 'false' })
    assert(vim.wait(600000, function() return #vim.diagnostic.get(buffer) == before - 1 end, 20),
      'no diagnostics for a later edit')
    last = clock() - edited
  end
  table.insert(lines, string.format('diagnostics-after-fifth-edit %.3f', last))
  row = vim.fn.search('privileged: true') - 1
  local fix_all
  for _, name in ipairs({ 'code-action', 'code-action-again' }) do
    asked = clock()
    local actions = vim.lsp.buf_request_sync(buffer, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buffer) },
      range = { start = { line = row, character = 4 }, ['end'] = { line = row, character = 4 } },
      context = { diagnostics = {} } }, 600000)
    assert(actions and next(actions), 'no code action answer')
    table.insert(lines, string.format('%s %.3f', name, clock() - asked))
    for _, response in pairs(actions) do
      for _, action in ipairs(response.result or {}) do
        if action.kind == 'source.fixAll' then fix_all = action end
      end
    end
  end
  -- a server that plans "fix all safe findings" only when it is applied: the time the editor waits for its edit then
  if fix_all and not fix_all.edit then
    asked = clock()
    local resolved = vim.lsp.buf_request_sync(buffer, 'codeAction/resolve', fix_all, 600000)
    assert(resolved and next(resolved), 'no answer to codeAction/resolve')
    table.insert(lines, string.format('fix-all-resolve %.3f', clock() - asked))
  end
  vim.lsp.get_client_by_id(id).stop()
end)
if not ok then table.insert(lines, 'error: ' .. tostring(failure)) end
vim.fn.writefile(lines, out)
vim.cmd(ok and 'qall!' or 'cquit! 1')
