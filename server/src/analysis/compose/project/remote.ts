// References compose fetches instead of reading from disk: docker compose installs resource
// loaders that compose-go asks before the local one (compose-go loader/include.go ApplyInclude,
// loader/extends.go getExtendsBaseFromFile: `loader.Accept(path)`). docker/compose
// pkg/remote/oci.go accepts the `oci://` prefix; pkg/remote/git.go accepts what buildkit's
// dfgitutil.ParseGitRef parses: `github.com/…`, git://, ssh://, scp-like `user@host:path`, and
// http(s) URLs whose path ends in `.git` (a `#ref:subdir` may follow). What they name cannot be
// read here, so it is neither loaded nor judged.

const GIT_SCHEME = /^(?:git|ssh):\/\//;
const SCP_LIKE = /^[\w.-]+@[\w.-]+:/;
const HTTP_GIT = /^https?:\/\/[^#?]*\.git(?:[#?]|$)/;

export function isRemote(reference: string): boolean {
  return (
    reference.startsWith('oci://') ||
    reference.startsWith('github.com/') ||
    GIT_SCHEME.test(reference) ||
    SCP_LIKE.test(reference) ||
    HTTP_GIT.test(reference)
  );
}
