-- Drives Neovim's own LSP client against `postlint server`: open the draft, wait for the
-- diagnostics, ask for the code actions of one diagnostic's line (with the diagnostics as
-- the client keeps them, `vim.lsp.buf.code_action`'s way) or for the fix-all source action,
-- apply the chosen action's edit with the client's own function, and write the file.
-- Settings come from the environment; the outcome goes to POSTLINT_RESULT as JSON.
local out = {}

local function lsp_diagnostics(buf, lnum)
  if vim.lsp.diagnostic.get_line_diagnostics then -- Neovim 0.7 to 0.9
    return vim.lsp.diagnostic.get_line_diagnostics(buf, lnum)
  end
  return vim.lsp.diagnostic.from(vim.diagnostic.get(buf, { lnum = lnum }))
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(vim.env.POSTLINT_DOC))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "postlint",
    cmd = { vim.env.POSTLINT_PYTHON, "-m", "postlint", "server" },
    root_dir = vim.fn.fnamemodify(vim.env.POSTLINT_DOC, ":p:h"),
  })
  assert(client_id, "the client did not start")
  vim.lsp.buf_attach_client(buf, client_id)
  assert(vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50), "no diagnostics")
  out.codes = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.codes, d.code)
  end
  local params
  if (vim.env.POSTLINT_CODE or "") == "" then
    params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
               range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
               context = { diagnostics = {}, only = { "source.fixAll" } } }
  else
    local target
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == vim.env.POSTLINT_CODE and target == nil then target = d end
    end
    assert(target, "no diagnostic " .. vim.env.POSTLINT_CODE)
    params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
               range = { start = { line = target.lnum, character = target.col },
                         ["end"] = { line = target.end_lnum, character = target.end_col } },
               context = { diagnostics = lsp_diagnostics(buf, target.lnum) } }
    out.sent_fix_key = params.context.diagnostics[1].data ~= nil and params.context.diagnostics[1].data.fix ~= nil
  end
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 30000)
  assert(responses, "no answer to textDocument/codeAction")
  out.titles = {}
  local chosen
  for _, response in pairs(responses) do
    assert(response.err == nil, vim.inspect(response.err))
    for _, action in ipairs(response.result or {}) do
      table.insert(out.titles, action.title)
      if action.title == vim.env.POSTLINT_ACTION then chosen = action end
    end
  end
  if chosen then
    vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
    vim.cmd("write")
    out.applied = true
  end
end)
out.ok = ok
if not ok then out.error = tostring(err) end
local file = io.open(vim.env.POSTLINT_RESULT, "w")
file:write(vim.fn.json_encode(out))
file:close()
vim.cmd("qa!")
