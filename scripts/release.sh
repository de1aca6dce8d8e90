#!/usr/bin/env bash
# Publishes the public packages with Changesets. `--dry-run` publishes nothing: it builds, packs every public
# package the way npm would, and checks each tarball with publint and @arethetypeswrong/cli (node16 profile),
# failing on any problem. CI runs the dry run; a maintainer runs it before `pnpm release`.
set -euo pipefail
cd "$(dirname "$0")/.."

dry_run=false
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=true ;;
    -h | --help)
      echo "usage: pnpm release [--dry-run]"
      echo "  --dry-run  build, pack every public package, check it with publint and attw; publish nothing"
      exit 0
      ;;
    *)
      echo "release: unknown argument '$arg' (未知参数；用法 pnpm release [--dry-run])" >&2
      exit 2
      ;;
  esac
done

echo "== build"
pnpm turbo run build --filter='./packages/**'

if [ "$dry_run" = false ]; then
  echo "== publish"
  pnpm changeset publish
  exit 0
fi

# publint and attw are dev dependencies of @srdi/core; run them from there.
tools=packages/core/node_modules/.bin
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Every workspace package that is not private, with its folder.
mapfile -t packages < <(node -e '
  const { readdirSync, readFileSync, existsSync } = require("node:fs")
  const dirs = ["packages", "packages/packs"].flatMap((d) => readdirSync(d).map((n) => d + "/" + n))
  for (const dir of dirs) {
    const file = dir + "/package.json"
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, "utf8"))
    if (pkg.private !== true) console.log(pkg.name + "\t" + dir)
  }
')

failed=0
rows=()
for line in "${packages[@]}"; do
  name=${line%%$'\t'*}
  dir=${line#*$'\t'}
  echo "== $name ($dir)"
  tgz=$(cd "$dir" && pnpm pack --pack-destination "$out" 2>/dev/null | grep '\.tgz$' | tail -1)
  tgz=$out/$(basename "$tgz")
  if [ ! -f "$tgz" ]; then
    echo "  pnpm pack produced no tarball for $name" >&2
    rows+=("$name|pack failed|-|-")
    failed=1
    continue
  fi
  size=$(du -k "$tgz" | cut -f1)
  publint=ok
  if ! "$tools/publint" run "$tgz" --strict; then
    publint=FAIL
    failed=1
  fi
  attw=ok
  if ! "$tools/attw" "$tgz" --profile node16 --format table-flipped --no-emoji --no-color; then
    attw=FAIL
    failed=1
  fi
  rows+=("$name|${size} KiB|$publint|$attw")
done

echo
printf '%-36s %-10s %-8s %-8s\n' package tarball publint attw
for r in "${rows[@]}"; do
  IFS='|' read -r n s p a <<<"$r"
  printf '%-36s %-10s %-8s %-8s\n' "$n" "$s" "$p" "$a"
done
if [ "$failed" -ne 0 ]; then
  echo "release --dry-run: some packages have problems (见上表)" >&2
  exit 1
fi
echo "release --dry-run: ${#rows[@]} packages pack cleanly; nothing was published"
