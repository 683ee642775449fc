/* The floor for reading N workbooks: open each zip with libzip and inflate every part,
 * parsing nothing. Usage: floor LIST, where LIST has one workbook path per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

int main(int argc, char **argv) {
  static char buf[1 << 16];
  char line[4096];
  long long bytes = 0;
  int files = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: floor LIST\n");
    return 2;
  }
  FILE *list = fopen(argv[1], "r");
  if (!list) {
    perror(argv[1]);
    return 2;
  }
  while (fgets(line, sizeof line, list)) {
    line[strcspn(line, "\n")] = 0;
    if (!*line) continue;
    int err;
    zip_t *z = zip_open(line, ZIP_RDONLY, &err);
    if (!z) {
      fprintf(stderr, "bad %s\n", line);
      return 1;
    }
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n; i++) {
      zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
      zip_int64_t r;
      if (!f) continue;
      while ((r = zip_fread(f, buf, sizeof buf)) > 0) bytes += r;
      zip_fclose(f);
    }
    zip_close(z);
    files++;
  }
  fclose(list);
  printf("%d files, %lld bytes inflated\n", files, bytes);
  return 0;
}
