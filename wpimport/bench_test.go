package wpimport

import "testing"

// BenchmarkImportSeeds measures reading and converting all five seed files.
func BenchmarkImportSeeds(b *testing.B) {
	ins := seedInputs(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Import(ins, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
