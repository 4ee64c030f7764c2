/** The published archives and their checksums and sizes (internal). */

/**
 * Official archives (binary versions): URL, published MD5 and size in bytes.
 * STL-10 is fetched over https (the host serves both; only https is accepted).
 */
export const OFFICIAL_ARCHIVES = {
  cifar100: {
    url: "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz",
    md5: "03b5dce01913d631647c71ecec9e9cb8",
    bytes: 168_513_733,
  },
  stl10: {
    url: "https://ai.stanford.edu/~acoates/stl10/stl10_binary.tar.gz",
    md5: "91f7769df0f17e558f3565bffb0c7dfb",
    bytes: 2_640_397_119,
  },
} as const;

/**
 * Slack over the official size allowed for an archive from another URL or MD5
 * (a mirror may recompress it): a download is cut off past
 * `bytes * (1 + ARCHIVE_SIZE_SLACK)`.
 */
export const ARCHIVE_SIZE_SLACK = 0.02;

/** Whether a cache record's archive MD5 is the published one of `name`. */
export function isOfficialMd5(name: string, md5: string | undefined): boolean {
  const official = (OFFICIAL_ARCHIVES as Record<string, { md5: string }>)[name];
  return official !== undefined && md5?.toLowerCase() === official.md5;
}
