//go:build linux

package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// On a disk that fills up, archive -force leaves the old archive as it
// was. A full disk is played by a limit on file size (RLIMIT_FSIZE) that
// the site's and the bag's files fit under and the zip does not; Go
// ignores the SIGXFSZ that comes with it, so the write fails with EFBIG.
func TestArchiveForceFullDisk(t *testing.T) {
	if limit := os.Getenv(fullDiskEnv); limit != "" {
		archiveOnFullDisk(limit)
		return
	}
	dir := site(t, nil)
	bag := filepath.Join(t.TempDir(), "bag")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"archive", "-site", dir, "-out", bag, "-zip"}, &stdout, &stderr); code != 0 {
		t.Fatalf("archive: exit %d: %s", code, stderr.String())
	}
	var largest int64
	filepath.WalkDir(bag, func(p string, d fs.DirEntry, err error) error {
		if info, err := d.Info(); err == nil && !d.IsDir() {
			largest = max(largest, info.Size())
		}
		return err
	})
	old, _ := os.ReadFile(bag + ".zip")
	if int64(len(old)) <= largest+1024 {
		t.Skipf("the zip (%d bytes) is not larger than the largest file (%d)", len(old), largest)
	}

	// In a child process: the limit would stop this one's test log too.
	cmd := exec.Command(os.Args[0], "-test.run=^TestArchiveForceFullDisk$", "-test.count=1")
	cmd.Env = append(os.Environ(), fullDiskEnv+"="+strconv.FormatInt(largest+1024, 10), "DOSSIER_TEST_SITE="+dir, "DOSSIER_TEST_BAG="+bag)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("archive -force on a full disk: %v, want exit 1\n%s", err, out)
	}
	if now, err := os.ReadFile(bag + ".zip"); err != nil || !bytes.Equal(now, old) {
		t.Errorf("the old zip is gone or changed: %v", err)
	}
	stderr.Reset()
	if code := run([]string{"archive", "-verify", bag}, &stdout, &stderr); code != 0 {
		t.Errorf("the bag no longer verifies: %s", stderr.String())
	}
}

const fullDiskEnv = "DOSSIER_TEST_FSIZE"

// archiveOnFullDisk is the child process: archive -force under a limit on
// file size, exiting with the command's status.
func archiveOnFullDisk(limit string) {
	n, _ := strconv.ParseUint(limit, 10, 64)
	var rl syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_FSIZE, &rl)
	rl.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &rl); err != nil {
		os.Exit(3)
	}
	bag := os.Getenv("DOSSIER_TEST_BAG")
	os.Exit(run([]string{"archive", "-site", os.Getenv("DOSSIER_TEST_SITE"), "-out", bag, "-zip", "-force"}, os.Stdout, os.Stderr))
}
