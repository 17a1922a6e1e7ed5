/** CSV for spreadsheet programs: UTF-8 with BOM (so Excel shows Chinese), CRLF, quoted where needed. */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cell = (v: string | number | null | undefined) => {
    let s = v === null || v === undefined ? '' : String(v);
    // Neutralise spreadsheet formulas (CSV injection).
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function csvDisposition(baseName: string): string {
  return `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(baseName)}.csv`;
}

/** ISO time → "YYYY-MM-DD HH:mm:ss" in Beijing time, for exports people read. */
export function beijingDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}`;
}
