# walk.py PDF...: walks the structure tree of each tagged PDF with pikepdf and prints, as one
# line of JSON per PDF in the order given, how many elements of each type it has, how many
# elements carry each /Lang, and how many marked-content references, link objects and pages
# with a parent-tree entry it found. Used by TestPikepdfWalk (one Python for all the PDFs).
import json
import sys

import pikepdf


def walk(e, depth, tally):
    if depth > 200:
        raise SystemExit("structure too deep")
    kids = e.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for k in kids:
        if isinstance(k, int):
            tally["mcrs"] += 1
        elif isinstance(k, pikepdf.Dictionary):
            t = k.get("/Type")
            if t == "/MCR":
                tally["mcrs"] += 1
            elif t == "/OBJR":
                tally["objrs"] += 1
            else:
                s = str(k.S)[1:]
                tally["types"][s] = tally["types"].get(s, 0) + 1
                if "/Lang" in k:
                    lang = str(k.Lang)
                    tally["langs"][lang] = tally["langs"].get(lang, 0) + 1
                if k.P.objgen != e.objgen:
                    raise SystemExit("an element's /P is not its parent")
                walk(k, depth + 1, tally)


def report(path):
    pdf = pikepdf.open(path)
    tally = {"types": {}, "langs": {}, "mcrs": 0, "objrs": 0}
    walk(pdf.Root.StructTreeRoot, 0, tally)
    tally.update({"pages": len(pdf.pages),
                  "parented": sum(1 for p in pdf.pages if "/StructParents" in p.obj),
                  "lang": str(pdf.Root.Lang), "marked": bool(pdf.Root.MarkInfo.Marked)})
    return tally


for path in sys.argv[1:]:
    print(json.dumps(report(path)), flush=True)
