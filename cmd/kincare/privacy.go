package main

// privacyHelp is what --help says the case file protects against, and what it does not.
// README.md ("Keeping the family's details private") says the same at more length.
const privacyHelp = `
Keeping the family's details private:
  Your cases are kept in one file on this computer that only your account can read.
  With a passphrase (kincare passphrase), every case, note and letter in it is
  encrypted: nobody can read them without the passphrase, and a changed case is
  noticed. A forgotten passphrase cannot be recovered, but kincare delete --all
  still removes the file.
  Without a passphrase, anyone who uses your account can read the file, and text you
  deleted can stay in the free space of the disk until it is reused. kincare notices
  accidental damage, but not a deliberate change by someone using your account.
  A passphrase does not hide that kincare is used, how many cases there are, roughly
  how long each is, or when the file was made. It does not protect letters, exports
  or summaries you save as files (kincare delete --all removes the ones kincare
  saved), the screen, the terminal's scrollback, or your command history.
  On a shared computer, use a passphrase or kincare --guest, which keeps nothing.
  kincare backup --out FILE writes an encrypted copy; kincare import FILE restores it.

Cover your tracks (ctrl+t on the case list shows this in full):
  kincare: kincare delete --all removes the case file and the letters, exports and
    read-outs kincare saved; a file you saved elsewhere stays until you delete it.
  The terminal: ctrl+q clears the screen and the scrollback and replaces the
    clipboard; close the terminal window when you finish.
  The shell: your command history keeps the commands you typed, with file names.
    In bash, history -c clears this window's history; in PowerShell, Clear-History.
`
