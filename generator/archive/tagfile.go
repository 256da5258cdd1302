package archive

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
	"slices"
	"strings"
	"time"
)

// bagitTxt is the bag declaration, RFC 8493 §2.1.1.
const bagitTxt = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

// hashes are the algorithms Verify understands, by their manifest names
// (RFC 8493 §2.4).
var hashes = map[string]func() hash.Hash{
	"md5":    md5.New,
	"sha1":   sha1.New,
	"sha224": sha256.New224,
	"sha256": sha256.New,
	"sha384": sha512.New384,
	"sha512": sha512.New,
}

// maxLine is the line length RFC 8493 §2.2.2 recommends for bag-info.txt.
const maxLine = 79

// bagInfo returns the text of bag-info.txt.
func (info Info) bagInfo(octets, files int64) []byte {
	var b strings.Builder
	writeElement(&b, "Source-Organization", info.SourceOrganization)
	writeElement(&b, "Title", info.Title)
	writeElement(&b, "External-Description", info.Description)
	writeElement(&b, "Bagging-Date", info.Date.UTC().Format(time.DateOnly))
	writeElement(&b, "Bag-Software-Agent", SoftwareAgent)
	writeElement(&b, "Payload-Oxum", fmt.Sprintf("%d.%d", octets, files))
	writeElement(&b, "Bag-Size", byteSize(octets))
	return []byte(b.String())
}

// writeElement writes one "Label: value" element, folding the value onto
// continuation lines (indented by two spaces) so lines stay within maxLine
// where the words allow.
func writeElement(b *strings.Builder, label, value string) {
	words := strings.Fields(value)
	if len(words) == 0 {
		return
	}
	line := label + ": " + words[0]
	for _, w := range words[1:] {
		if len(line)+1+len(w) > maxLine {
			b.WriteString(line + "\n")
			line = "  " + w
			continue
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
}

// byteSize is the approximate, human-readable Bag-Size.
func byteSize(n int64) string {
	if n < 1000 {
		return fmt.Sprintf("%d B", n)
	}
	f := float64(n)
	for _, unit := range []string{"kB", "MB", "GB", "TB"} {
		f /= 1000
		if f < 999.95 || unit == "TB" {
			return fmt.Sprintf("%.1f %s", f, unit)
		}
	}
	panic("unreachable")
}

// pathEncoder percent-encodes what RFC 8493 §2.1.3 says must be encoded in a
// manifest's file paths, and nothing else.
var pathEncoder = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// decodePath undoes pathEncoder. Any other "%" sequence is taken literally.
func decodePath(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			switch strings.ToUpper(s[i+1 : i+3]) {
			case "25":
				b.WriteByte('%')
				i += 2
				continue
			case "0A":
				b.WriteByte('\n')
				i += 2
				continue
			case "0D":
				b.WriteByte('\r')
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// formatManifest returns the text of a manifest from path -> checksum, one
// "<checksum> <path>" line per file, sorted by path.
func formatManifest(sums map[string]string) []byte {
	paths := make([]string, 0, len(sums))
	for p := range sums {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b strings.Builder
	for _, p := range paths {
		b.WriteString(sums[p] + " " + pathEncoder.Replace(p) + "\n")
	}
	return []byte(b.String())
}

// splitLines splits a tag file into lines ended by LF, CR or CRLF, as RFC
// 8493 §2 allows.
func splitLines(data string) []string {
	data = strings.ReplaceAll(data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	data = strings.TrimSuffix(data, "\n")
	if data == "" {
		return nil
	}
	return strings.Split(data, "\n")
}

// element is one "Label: value" pair of a tag file, with the line it starts on.
type element struct {
	label, value string
	line         int
}

// parseElements reads the elements of bagit.txt or bag-info.txt
// (RFC 8493 §2.2.2), joining continuation lines with a space. bad is called
// for each line that is not an element.
func parseElements(data string, bad func(line int, msg string)) []element {
	var els []element
	for i, line := range splitLines(data) {
		if line == "" {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(els) == 0 {
				bad(i+1, "continuation line before any label")
				continue
			}
			els[len(els)-1].value += " " + strings.TrimSpace(line)
			continue
		}
		label, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(label) == "" {
			bad(i+1, fmt.Sprintf("%q is not a \"Label: value\" line", line))
			continue
		}
		els = append(els, element{label: strings.TrimSpace(label), value: strings.TrimSpace(value), line: i + 1})
	}
	return els
}
