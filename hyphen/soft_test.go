package hyphen

import (
	"strings"
	"testing"
)

func TestSoftHyphens(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"kk", "Қазақстандағы адам құқықтары", "Қа~зақ~стан~дағы адам құ~қық~тары"},
		{"ky", "  маалымат,\tкыргызстан ", "  маа~лы~мат,\tкыр~гыз~стан "},
		{"ru", "см. https://www.hrw.org/ru/правозащитники и info@example.org", "см. https://www.hrw.org/ru/правозащитники и info@example.org"},
		{"ru", "уже рес\u00adпублика", "уже рес~публика"},
		{"en", "the government’s human-rights record", "the gov~ern~ment’s hu~man-rights re~cord"},
		{"kk", "(WWW.Example.kz) «www.қазақстан.kz» Www.құқықтары", "(WWW.Example.kz) «www.қазақстан.kz» Www.құқықтары"},
		{"kk", "құқықтары\u00a0мен\u2003құқықтары\vқұқықтары", "құ~қық~тары\u00a0мен\u2003құ~қық~тары\vқұ~қық~тары"},
		{"tg", "", ""},
		{"tg", "ЕҚЫҰ 2021", "ЕҚЫҰ 2021"},
	}
	for _, tt := range tests {
		got := strings.ReplaceAll(For(tt.lang).SoftHyphens(tt.in), "\u00ad", "~")
		if got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func FuzzSoftHyphens(f *testing.F) {
	f.Add("kk", "Қазақстандағы адам құқықтары www.x.kz")
	f.Add("en", "the government’s\u00adhuman-rights record")
	f.Fuzz(func(t *testing.T, lang, text string) {
		h := For(lang)
		if h == nil {
			return
		}
		out := h.SoftHyphens(text)
		if !strings.ContainsRune(text, softHyphen) && strings.ReplaceAll(out, "\u00ad", "") != text {
			t.Fatalf("text changed beyond soft hyphens: %q -> %q", text, out)
		}
		if again := h.SoftHyphens(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", text, out, again)
		}
	})
}
