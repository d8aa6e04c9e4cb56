import { describe, expect, it } from "vitest";
import { sanitizeFileName } from "./sanitize-file-name.js";

describe("sanitizeFileName", () => {
  it("replaces unsafe characters, control characters and `..` with `_`", () => {
    expect(sanitizeFileName('a<b>c:d"e/f\\g|h?i*j~k.pdf')).toBe("a_b_c_d_e_f_g_h_i_j_k.pdf");
    expect(sanitizeFileName("tab\there\u0000nul\u001f.txt")).toBe("tab_here_nul_.txt");
    expect(sanitizeFileName("del\u007fc1\u0085\u009b.txt")).toBe("del_c1__.txt");
    expect(sanitizeFileName("report\u202Efdp.exe")).toBe("report_fdp.exe");
    expect(sanitizeFileName("a\u2066b\u2069.txt")).toBe("a_b_.txt");
    // Joiners are part of emoji and of Persian words: kept.
    expect(sanitizeFileName("family 👨\u200D👩\u200D👧.txt")).toBe("family 👨\u200D👩\u200D👧.txt");
    expect(sanitizeFileName("../../etc/passwd")).toBe("____etc_passwd");
    expect(sanitizeFileName("a....b.txt")).toBe("a__b.txt");
    expect(sanitizeFileName("Quarterly report (final).docx")).toBe("Quarterly report (final).docx");
  });

  it("cuts names over 255 characters before the extension, counting code points", () => {
    const cut = sanitizeFileName(`${"x".repeat(300)}.pdf`);
    expect(cut).toHaveLength(255);
    expect(cut.endsWith("x.pdf")).toBe(true);
    const emoji = sanitizeFileName(`${"😀".repeat(300)}.md`);
    expect(Array.from(emoji)).toHaveLength(255);
    expect(emoji.endsWith("😀.md")).toBe(true);
    expect(sanitizeFileName("y".repeat(300))).toHaveLength(255);
  });

  it("is idempotent", () => {
    for (const name of ["a..b", `${"z".repeat(400)}.tar.gz`, "x/../y?.txt", "...", "plain.csv"]) {
      const once = sanitizeFileName(name);
      expect(sanitizeFileName(once)).toBe(once);
    }
  });
});
