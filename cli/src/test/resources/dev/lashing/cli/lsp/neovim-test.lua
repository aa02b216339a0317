-- Drives Neovim's built-in LSP client against `lashing lsp` (started with LASHING_LSP_CMD, one argument
-- per line), on the file named by LASHING_FILE: waits for the diagnostics, writes them to LASHING_OUT
-- ("line:col:code"), resolves the edit of the fix-all action, applies the quick fix whose title names
-- LASHING_RULE, writes the buffer and quits.
-- Works with Neovim 0.7 (Debian 12) and later. Failures are written to LASHING_OUT as "error: ...".
local out = os.getenv('LASHING_OUT')
local function finish(lines, code)
  vim.fn.writefile(lines, out)
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

local ok, failure = pcall(function()
  local cmd = vim.split(os.getenv('LASHING_LSP_CMD'), '\n', { trimempty = true })
  local file = os.getenv('LASHING_FILE')
  local rule = os.getenv('LASHING_RULE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buffer = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'lashing',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  assert(client_id, 'lashing lsp did not start')
  vim.lsp.buf_attach_client(buffer, client_id)

  local arrived = vim.wait(60000, function()
    return #vim.diagnostic.get(buffer) > 0
  end, 100)
  assert(arrived, 'no diagnostics within 60 s')
  local lines = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(lines, string.format('%d:%d:%s', d.lnum, d.col, d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code or '?'))
  end

  local target
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
    if code == rule then
      target = d
    end
  end
  assert(target, 'no diagnostic of ' .. rule)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    range = {
      start = { line = target.lnum, character = target.col },
      ['end'] = { line = target.lnum, character = target.col },
    },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/codeAction', params, 60000)
  assert(responses, 'no answer to textDocument/codeAction')
  -- "fix all safe findings" comes without its edit, which Neovim asks for with codeAction/resolve when applying it
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      if action.kind == 'source.fixAll' then
        assert(not action.edit, 'the fix-all action came with its edit')
        local resolved = vim.lsp.buf_request_sync(buffer, 'codeAction/resolve', action, 60000)
        for _, answer in pairs(resolved or {}) do
          if answer.result and answer.result.edit then
            table.insert(lines, 'resolved: ' .. answer.result.title)
          end
        end
      end
    end
  end
  local applied = false
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      if not applied and action.edit and action.title:find('[' .. rule .. ']', 1, true) then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        table.insert(lines, 'applied: ' .. action.title)
        applied = true
      end
    end
  end
  assert(applied, 'no code action fixes ' .. rule)
  vim.cmd('write')
  local client = vim.lsp.get_client_by_id(client_id)
  client.stop()
  vim.wait(5000, function() return client.is_stopped() end, 50)
  finish(lines, 0)
end)
if not ok then
  finish({ 'error: ' .. tostring(failure) }, 1)
end
