# walk.py PDF: walks the structure tree of a tagged PDF with pikepdf and prints, as JSON, how
# many elements of each type it has, how many elements carry each /Lang, and how many
# marked-content references, link objects and pages with a parent-tree entry it found. Used
# by TestPikepdfWalk.
import json
import sys

import pikepdf

pdf = pikepdf.open(sys.argv[1])
root = pdf.Root.StructTreeRoot
counts, langs, mcrs, objrs = {}, {}, 0, 0


def walk(e, depth):
    global mcrs, objrs
    if depth > 200:
        raise SystemExit("structure too deep")
    kids = e.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for k in kids:
        if isinstance(k, int):
            mcrs += 1
        elif isinstance(k, pikepdf.Dictionary):
            t = k.get("/Type")
            if t == "/MCR":
                mcrs += 1
            elif t == "/OBJR":
                objrs += 1
            else:
                s = str(k.S)[1:]
                counts[s] = counts.get(s, 0) + 1
                if "/Lang" in k:
                    lang = str(k.Lang)
                    langs[lang] = langs.get(lang, 0) + 1
                if k.P.objgen != e.objgen:
                    raise SystemExit("an element's /P is not its parent")
                walk(k, depth + 1)


walk(root, 0)
parents = sum(1 for p in pdf.pages if "/StructParents" in p.obj)
print(json.dumps({"types": counts, "langs": langs, "mcrs": mcrs, "objrs": objrs, "pages": len(pdf.pages),
                  "parented": parents, "lang": str(pdf.Root.Lang),
                  "marked": bool(pdf.Root.MarkInfo.Marked)}))
