/**
 * The versioning rule (CONTRIBUTING.md, "Changing the spec"): a breaking change needs
 * a breaking bump, semver's way. From 1.0.0 on that is a higher major; below
 * 1.0.0 semver gives the minor the major's role, so 0.1.0 → 0.2.0 may break
 * and 0.1.0 → 0.1.1 may not. The same rule holds for the spec's info.version
 * and for package.json's version.
 */
export interface Semver {
  major: number;
  minor: number;
  patch: number;
}

/** `1.2.3`, `v1.2.3`, `1.2.3-rc.1` (prerelease ignored); anything else is not semver. */
export function parseSemver(version: string | undefined): Semver | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version ?? '');
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Whether going from `from` to `to` announces a breaking change. */
export function isBreakingBump(from: string | undefined, to: string | undefined): boolean {
  const a = parseSemver(from);
  const b = parseSemver(to);
  if (!a || !b) return false;
  if (b.major !== a.major) return b.major > a.major;
  return a.major === 0 && b.minor > a.minor;
}

/** The smallest version after `version` that may carry a breaking change. */
export function nextBreaking(version: string | undefined): string {
  const v = parseSemver(version);
  if (!v) return 'a higher major version';
  return v.major === 0 ? `0.${v.minor + 1}.0` : `${v.major + 1}.0.0`;
}
