package fonts

// Alphabets lists, per language bindery supports, the letters its texts need: the
// language's own alphabet in both cases, plus the Latin alphabet, which every edition
// uses for names, URLs and citations.
var Alphabets = map[string]string{
	"en": latin,
	"ru": latin + russian,
	"kk": latin + russian + "ӘәҒғҚқҢңӨөҰұҮүҺһІі",
	"ky": latin + russian + "ҢңӨөҮү",
	"tg": latin + russian + "ҒғӢӣҚқӮӯҲҳҶҷ",
}

const (
	latin   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	russian = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
)

// Punctuation lists the marks the typography step may produce in any language.
const Punctuation = "«»„“”‘’‚–—…№\u00a0€£"

// Missing returns the characters of a language's alphabet and of Punctuation that the
// face cannot render.
func (f *Face) Missing(lang string) []rune {
	var out []rune
	for _, r := range Alphabets[lang] + Punctuation {
		if !f.Has(r) {
			out = append(out, r)
		}
	}
	return out
}
