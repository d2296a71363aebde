package textin_test

import (
	"errors"
	"fmt"

	"github.com/vncite/vncite/extract/textin"
)

func ExampleDecode() {
	// "Nghị quyết số 25-NQ/TW" as a .VnTime (TCVN3) file holds it.
	t, err := textin.Decode("nq.txt", []byte("Ngh\xDE quy\xD5t s\xE8 25-NQ/TW c\xF1a B\xE9 Ch\xDDnh tr\xDE"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Encoding, t.Body)

	// Bytes no encoding explains are refused, not guessed.
	_, err = textin.Decode("x.txt", []byte("\x8f\xe9 \xa3\xd7\x9a \x8f\xe9 \xa3\xd7\x9a"))
	fmt.Println(errors.Is(err, textin.ErrUnknownEncoding))
	// Output:
	// tcvn3 Nghị quyết số 25-NQ/TW của Bộ Chính trị
	// true
}
