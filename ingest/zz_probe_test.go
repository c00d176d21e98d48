package ingest

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestZZProbe(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("PROBE"))
	if err != nil {
		t.Skip()
	}
	res := ParseText(string(data), Options{Zone: time.UTC, Year: 2024, Reference: time.Date(2031, 1, 15, 0, 0, 0, 0, time.UTC)})
	for _, e := range Previews(res.Events(1, "")) {
		fmt.Printf("%s %-8s %s\n", e.At, e.Status, e.Text)
	}
	for _, p := range res.Problems {
		fmt.Println("PROBLEM", p)
	}
	fmt.Println("TITLE", res.Title)
}
