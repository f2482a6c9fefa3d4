#!/usr/bin/env python3
"""Writes the PDF fixtures of tests/data/pdf/ (text written for the tests, free to ship):
a two-page article with a text layer, a page with no text (as a scan has), a PDF locked with
a password, and a damaged one. Minimal PDF 1.4 written by hand, so the bytes are the same on
every run: python3 scripts/make_test_pdfs.py"""
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "pdf"


def text_page(lines):
    body = "".join(f"({line}) Tj T*\n" for line in lines)
    return f"BT /F1 11 Tf 72 760 Td 14 TL\n{body}ET"


def pdf(pages, encrypt=False):
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    font = 3 + 2 * count
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count} >>"]
    for i, content in enumerate(pages):
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>"
        )
        objs.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    trailer = ""
    if encrypt:
        objs.append("<< /Filter /Standard /V 1 /R 2 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> /P -4 >>")
        trailer = f" /Encrypt {len(objs)} 0 R /ID [<{'33' * 16}> <{'33' * 16}>]"
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n{obj}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


OUT.mkdir(parents=True, exist_ok=True)
(OUT / "levee.pdf").write_bytes(pdf([
    text_page([
        "Levee gives way in Marrowdale",
        "Published March 12, 2030",
        "",
        "The river levee north of Marrowdale gave way on Monday night, the county said, and",
        "water reached the market square within two hours. Volunteers moved three hun-",
        "dred families to the school on the hill.",
    ]),
    text_page([
        "Engineers had warned in January that the levee was weak.",
    ]),
]))
(OUT / "scan.pdf").write_bytes(pdf(["0 0 100 100 re f"]))
(OUT / "locked.pdf").write_bytes(pdf([text_page(["A locked page."])], encrypt=True))
(OUT / "damaged.pdf").write_bytes(
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
