/** Short random ids with a readable prefix: "prj_…", "img_…", "ast_…". */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}
