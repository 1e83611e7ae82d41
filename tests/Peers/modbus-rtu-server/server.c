/*
 * A Modbus RTU slave (server) on a serial line, built on libmodbus: the real peer of the firmware's Modbus RTU master
 * in the host tests. It plays an energy meter with one of two register maps (an Eastron SDM630-like map of float32
 * input registers, or an ABB B23/B24-like map of scaled integer holding registers), takes line commands on stdin to
 * change values and misbehave (exceptions, silence, delay, corrupt CRC, wrong slave, short frames, line noise), and
 * reports what happens as JSON lines on stdout. See ../README.md for flags, commands and events.
 *
 * libmodbus does the Modbus work: modbus_receive parses the request (CRC, slave filter, lengths) and
 * modbus_reply / modbus_reply_exception build the answer from the mapping. The answer is built into a pipe (the
 * context's socket is switched to the pipe for the call) so that it can be delayed, reported and, on request, damaged
 * before it is written to the line.
 *
 * Line settings: a pseudo-terminal carries bytes whatever the baud rate and parity, so a master at other settings
 * would be understood perfectly. With --peer <path> (the other end of the socat pair, the master's side) the server
 * reads that terminal's settings whenever bytes arrive and, when they differ from its own, passes the bytes through a
 * bit-level UART model (the master's UART sends, this one samples) in both directions, so a baud or parity mismatch
 * looks like on a real RS-485 line: damaged characters. Linux ptys clear PARENB and CSIZE in c_cflag, so parity is
 * taken from INPCK (input parity check, which libmodbus and the host serial port enable exactly when parity is on)
 * and PARODD; the speed and CSTOPB are kept by the pty as set.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <modbus.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_FRAME 512
#define FOREVER (-1)

typedef struct {
    int baud;
    char parity; /* 'N', 'E', 'O' */
    int stop_bits;
} line_settings_t;

typedef enum { MAP_SDM630, MAP_ABB } map_kind_t;

/* What the meter measures; written into the register map by update_registers(). */
typedef struct {
    double voltage[3];   /* V */
    double current[3];   /* A */
    double power[3];     /* W, per phase; the total is their sum */
    double frequency;    /* Hz */
    uint64_t import_wh;  /* Wh */
    uint64_t export_wh;  /* Wh */
    uint32_t serial;
} meter_values_t;

/* Misbehaviour: each counter is 0 (off), FOREVER, or the number of next requests it applies to. */
typedef struct {
    int silent;
    int exception;
    int exception_code;
    int corrupt_crc;
    int truncate;
    int wrong_slave;
    int wrong_slave_id;
    int delay_ms;
    int line_check;
} behaviour_t;

static modbus_t *ctx;
static modbus_mapping_t *map;
static map_kind_t map_kind = MAP_SDM630;
static meter_values_t values;
static behaviour_t behaviour = {0, 0, 0, 0, 0, 0, 0, 0, 1};
static line_settings_t own = {9600, 'N', 1};
static const char *device;
static const char *peer_path;
static int slave_id = 1;
static int tty_fd = -1;
static int reply_pipe[2] = {-1, -1};
static int request_pipe[2] = {-1, -1};
static long requests_seen;
static long replies_sent;

/* ---------------------------------------------------------------- output */

static long long mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* One JSON line: {"event":"<name>","monoUs":..,<fields>}. fields is a printf format producing ",..." or "". */
static void emit(const char *name, const char *fields, ...)
{
    va_list ap;
    printf("{\"event\":\"%s\",\"monoUs\":%lld", name, mono_us());
    va_start(ap, fields);
    vprintf(fields, ap);
    va_end(ap);
    printf("}\n");
    fflush(stdout);
}

static void hex(const uint8_t *bytes, int n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < n; i++) {
        out[2 * i] = digits[bytes[i] >> 4];
        out[2 * i + 1] = digits[bytes[i] & 15];
    }
    out[2 * n] = 0;
}

/* A string for JSON: drops quotes, backslashes and control characters (the inputs are our own command lines). */
static void json_safe(const char *in, char *out, size_t size)
{
    size_t j = 0;
    for (size_t i = 0; in[i] && j + 1 < size; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c >= 32 && c != '"' && c != '\\') {
            out[j++] = (char)c;
        }
    }
    out[j] = 0;
}

static void fatal(const char *message)
{
    char safe[512];
    json_safe(message, safe, sizeof safe);
    emit("fatal", ",\"message\":\"%s\"", safe);
    exit(2);
}

/* ---------------------------------------------------------------- register maps */

static void put_float(uint16_t *table, int index, double value)
{
    /* IEEE-754 single precision, big-endian word order (high word first), as Eastron meters send it. */
    float f = (float)value;
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    table[index] = (uint16_t)(bits >> 16);
    table[index + 1] = (uint16_t)(bits & 0xFFFF);
}

static void put_u32(uint16_t *table, int index, uint32_t value)
{
    table[index] = (uint16_t)(value >> 16);
    table[index + 1] = (uint16_t)(value & 0xFFFF);
}

static void put_u64(uint16_t *table, int index, uint64_t value)
{
    for (int i = 0; i < 4; i++) {
        table[index + i] = (uint16_t)(value >> (48 - 16 * i));
    }
}

/* SDM630 (v2): input registers 30001.. = protocol addresses 0x0000.., float32. Holding registers 0x0000..0xFC01. */
#define SDM_INPUT_COUNT 0x0158
#define SDM_HOLDING_COUNT 0xFC02
/* ABB B23/B24: holding registers 0x5000..0x8901 (energy 0x5000, instantaneous values 0x5B00, serial number 0x8900). */
#define ABB_START 0x5000
#define ABB_COUNT (0x8902 - ABB_START)

static void update_registers(void)
{
    double total_power = values.power[0] + values.power[1] + values.power[2];
    if (map == NULL) {
        return; /* values given on the command line: written by create_map() */
    }

    if (map_kind == MAP_SDM630) {
        uint16_t *in = map->tab_input_registers;
        for (int p = 0; p < 3; p++) {
            put_float(in, 0x0000 + 2 * p, values.voltage[p]);
            put_float(in, 0x0006 + 2 * p, values.current[p]);
            put_float(in, 0x000C + 2 * p, values.power[p]);
        }
        put_float(in, 0x0034, total_power);
        put_float(in, 0x0046, values.frequency);
        put_float(in, 0x0048, values.import_wh / 1000.0);
        put_float(in, 0x004A, values.export_wh / 1000.0);
        /* "Total kWh": import + export, per the SDM630 protocol description. */
        put_float(in, 0x0156, (values.import_wh + values.export_wh) / 1000.0);
        /* Serial number (holding registers 0xFC00/0xFC01, uint32). */
        put_u32(map->tab_registers, 0xFC00, values.serial);
    } else {
        uint16_t *h = map->tab_registers;
#define ABB(a) ((a) - ABB_START)
        put_u64(h, ABB(0x5000), values.import_wh / 10);
        put_u64(h, ABB(0x5004), values.export_wh / 10);
        for (int p = 0; p < 3; p++) {
            put_u32(h, ABB(0x5B00) + 2 * p, (uint32_t)llround(values.voltage[p] * 10.0));
            put_u32(h, ABB(0x5B0C) + 2 * p, (uint32_t)llround(values.current[p] * 100.0));
            put_u32(h, ABB(0x5B16) + 2 * p, (uint32_t)(int32_t)llround(values.power[p] * 100.0));
        }
        put_u32(h, ABB(0x5B14), (uint32_t)(int32_t)llround(total_power * 100.0));
        h[ABB(0x5B2C)] = (uint16_t)llround(values.frequency * 100.0);
        put_u32(h, ABB(0x8900), values.serial);
#undef ABB
    }
}

static void create_map(void)
{
    if (map_kind == MAP_SDM630) {
        map = modbus_mapping_new_start_address(0, 0, 0, 0, 0, SDM_HOLDING_COUNT, 0, SDM_INPUT_COUNT);
        if (map != NULL) {
            /* A few SDM630 settings (float32): 0x0014 Modbus address, 0x001C baud code (2 = 9600), 0x0012 parity/stop
               code (0 = one stop bit, no parity). Writes are stored as they come. */
            put_float(map->tab_registers, 0x0014, slave_id);
            put_float(map->tab_registers, 0x001C, 2);
            put_float(map->tab_registers, 0x0012, 0);
        }
    } else {
        map = modbus_mapping_new_start_address(0, 0, 0, 0, ABB_START, ABB_COUNT, 0, 0);
    }

    if (map == NULL) {
        fatal("modbus_mapping_new_start_address failed");
    }

    update_registers();
}

/* ---------------------------------------------------------------- the line model */

static int speed_to_baud(speed_t speed)
{
    switch (speed) {
    case B1200: return 1200;
    case B2400: return 2400;
    case B4800: return 4800;
    case B9600: return 9600;
    case B19200: return 19200;
    case B38400: return 38400;
    case B57600: return 57600;
    case B115200: return 115200;
    case B230400: return 230400;
    default: return 0;
    }
}

static int baud_supported(int baud)
{
    static const int supported[] = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400};
    for (size_t i = 0; i < sizeof supported / sizeof supported[0]; i++) {
        if (supported[i] == baud) return 1;
    }
    return 0;
}

/* The settings the master's side of the pty pair is at, or 0 when unknown. */
static int read_peer_settings(line_settings_t *peer)
{
    struct termios tios;
    int fd;
    if (peer_path == NULL) {
        return 0;
    }

    fd = open(peer_path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }

    if (tcgetattr(fd, &tios) != 0) {
        close(fd);
        return 0;
    }

    close(fd);
    peer->baud = speed_to_baud(cfgetospeed(&tios));
    peer->parity = (tios.c_iflag & INPCK) ? ((tios.c_cflag & PARODD) ? 'O' : 'E') : 'N';
    peer->stop_bits = (tios.c_cflag & CSTOPB) ? 2 : 1;
    return peer->baud != 0;
}

static int same_settings(const line_settings_t *a, const line_settings_t *b)
{
    return a->baud == b->baud && a->parity == b->parity && a->stop_bits == b->stop_bits;
}

/* The line level at time t (seconds) of a transmitter sending bits[0..count) at baud, idle (1) around them. */
static int level_at(const uint8_t *bits, int count, int baud, double t)
{
    long index = (long)floor(t * baud);
    return (index < 0 || index >= count) ? 1 : bits[index];
}

/*
 * What a UART at rx receives when a UART at tx sends the bytes back to back: 8 data bits, LSB first, with tx's
 * parity and stop bits; the receiver finds start bits by 16x oversampling and samples each bit in its middle.
 * Characters with a wrong parity or stop bit are counted in *errors and delivered as the Linux tty layer does with
 * the termios libmodbus and the host serial port set (NUL when parity checking is on, else as sampled). Returns
 * the number of characters received.
 */
static int uart_transfer(const uint8_t *in, int n, const line_settings_t *tx, const line_settings_t *rx,
                         uint8_t *out, int capacity, int *errors)
{
    static uint8_t bits[MAX_FRAME * 12 + 16];
    int count = 0;
    int received = 0;
    *errors = 0;
    for (int i = 0; i < n && i < MAX_FRAME; i++) {
        int ones = 0;
        bits[count++] = 0;
        for (int b = 0; b < 8; b++) {
            int bit = (in[i] >> b) & 1;
            ones += bit;
            bits[count++] = (uint8_t)bit;
        }
        if (tx->parity == 'E') {
            bits[count++] = (uint8_t)(ones & 1);
        } else if (tx->parity == 'O') {
            bits[count++] = (uint8_t)!(ones & 1);
        }
        for (int s = 0; s < tx->stop_bits; s++) {
            bits[count++] = 1;
        }
    }

    double end = (double)count / tx->baud + 2.0 / rx->baud;
    double step = 1.0 / (16.0 * rx->baud);
    double bit_time = 1.0 / rx->baud;
    int previous = 1;
    int need_idle = 0;
    for (double t = 0; t < end && received < capacity; t += step) {
        int level = level_at(bits, count, tx->baud, t);
        if (need_idle) {
            need_idle = level == 0;
            previous = level;
            continue;
        }

        if (!(previous == 1 && level == 0)) {
            previous = level;
            continue;
        }

        /* A falling edge: a start bit if the line is still low half a bit later. */
        if (level_at(bits, count, tx->baud, t + bit_time / 2) != 0) {
            previous = level;
            continue;
        }

        uint8_t value = 0;
        int ones = 0;
        double sample = t + bit_time * 1.5;
        for (int b = 0; b < 8; b++, sample += bit_time) {
            int bit = level_at(bits, count, tx->baud, sample);
            ones += bit;
            value |= (uint8_t)(bit << b);
        }

        int bad = 0;
        if (rx->parity != 'N') {
            int parity = level_at(bits, count, tx->baud, sample);
            int expected = rx->parity == 'E' ? (ones & 1) : !(ones & 1);
            bad |= parity != expected;
            sample += bit_time;
        }

        int stop = level_at(bits, count, tx->baud, sample);
        bad |= stop != 1;
        *errors += bad;
        /* Linux n_tty: with INPCK (set when parity is on) a character with a parity or framing error is read as NUL;
           without it the character is delivered as sampled. */
        out[received++] = bad && rx->parity != 'N' ? 0 : value;
        /* Continue after the middle of the stop bit; after a framing error wait for the line to go idle first. */
        t = sample;
        previous = stop;
        need_idle = stop == 0;
    }

    return received;
}

/* ---------------------------------------------------------------- commands */

static int parse_count(const char *word, int *counter)
{
    if (word == NULL || strcmp(word, "on") == 0) {
        *counter = FOREVER;
    } else if (strcmp(word, "off") == 0) {
        *counter = 0;
    } else {
        char *end;
        long n = strtol(word, &end, 10);
        if (*end != 0 || n < 0) {
            return 0;
        }
        *counter = (int)n;
    }
    return 1;
}

static int set_quantity(const char *name, const char *text)
{
    char *end;
    double v = strtod(text, &end);
    if (*end != 0 || !isfinite(v)) {
        return 0;
    }

    if (strcmp(name, "energy") == 0 || strcmp(name, "import") == 0) {
        if (v < 0) return 0;
        values.import_wh = (uint64_t)strtoull(text, NULL, 10);
    } else if (strcmp(name, "export") == 0) {
        if (v < 0) return 0;
        values.export_wh = (uint64_t)strtoull(text, NULL, 10);
    } else if (strcmp(name, "voltage") == 0) {
        values.voltage[0] = values.voltage[1] = values.voltage[2] = v;
    } else if (strcmp(name, "current") == 0) {
        values.current[0] = values.current[1] = values.current[2] = v;
    } else if (strcmp(name, "power") == 0) {
        values.power[0] = values.power[1] = values.power[2] = v / 3.0;
    } else if (strncmp(name, "voltage-l", 9) == 0 && name[9] >= '1' && name[9] <= '3' && name[10] == 0) {
        values.voltage[name[9] - '1'] = v;
    } else if (strncmp(name, "current-l", 9) == 0 && name[9] >= '1' && name[9] <= '3' && name[10] == 0) {
        values.current[name[9] - '1'] = v;
    } else if (strncmp(name, "power-l", 7) == 0 && name[7] >= '1' && name[7] <= '3' && name[8] == 0) {
        values.power[name[7] - '1'] = v;
    } else if (strcmp(name, "frequency") == 0) {
        values.frequency = v;
    } else if (strcmp(name, "serial") == 0) {
        values.serial = (uint32_t)v;
    } else {
        return 0;
    }

    update_registers();
    return 1;
}

static int write_all(int fd, const uint8_t *bytes, int n)
{
    int done = 0;
    while (done < n) {
        ssize_t w = write(fd, bytes + done, (size_t)(n - done));
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                struct pollfd p = {fd, POLLOUT, 0};
                poll(&p, 1, 100);
                continue;
            }
            return -1;
        }
        done += (int)w;
    }
    return 0;
}

static int parse_hex(const char *text, uint8_t *out, int capacity)
{
    int n = 0;
    while (*text) {
        if (*text == ' ') { text++; continue; }
        unsigned int byte;
        if (n >= capacity || sscanf(text, "%2x", &byte) != 1 || text[1] == 0) {
            return -1;
        }
        out[n++] = (uint8_t)byte;
        text += 2;
    }
    return n;
}

static void handle_command(char *line)
{
    char safe[256];
    char *words[4] = {0};
    int count = 0;
    int ok = 1;
    json_safe(line, safe, sizeof safe);
    for (char *save = NULL, *w = strtok_r(line, " \t\r", &save); w && count < 4; w = strtok_r(NULL, " \t\r", &save)) {
        words[count++] = w;
    }

    if (count == 0) {
        return;
    }

    const char *cmd = words[0];
    if (strcmp(cmd, "set") == 0 && count == 3) {
        ok = set_quantity(words[1], words[2]);
    } else if (strcmp(cmd, "exception") == 0 && count >= 2) {
        if (strcmp(words[1], "off") == 0) {
            behaviour.exception = 0;
        } else {
            char *end;
            long code = strtol(words[1], &end, 0);
            ok = *end == 0 && code >= 1 && code < MODBUS_EXCEPTION_MAX && parse_count(count > 2 ? words[2] : "1", &behaviour.exception);
            if (ok) behaviour.exception_code = (int)code;
        }
    } else if (strcmp(cmd, "silent") == 0 && count == 2) {
        ok = parse_count(words[1], &behaviour.silent);
    } else if (strcmp(cmd, "corrupt-crc") == 0 && count == 2) {
        ok = parse_count(words[1], &behaviour.corrupt_crc);
    } else if (strcmp(cmd, "truncate") == 0 && count == 2) {
        ok = parse_count(words[1], &behaviour.truncate);
    } else if (strcmp(cmd, "wrong-slave") == 0 && count >= 2) {
        if (strcmp(words[1], "off") == 0) {
            behaviour.wrong_slave = 0;
        } else {
            long id = strtol(words[1], NULL, 0);
            ok = id >= 1 && id <= 247 && id != slave_id && parse_count(count > 2 ? words[2] : "on", &behaviour.wrong_slave);
            if (ok) behaviour.wrong_slave_id = (int)id;
        }
    } else if (strcmp(cmd, "delay") == 0 && count == 2) {
        char *end;
        long ms = strtol(words[1], &end, 10);
        ok = *end == 0 && ms >= 0 && ms <= 60000;
        if (ok) behaviour.delay_ms = (int)ms;
    } else if (strcmp(cmd, "line-check") == 0 && count == 2) {
        ok = strcmp(words[1], "on") == 0 || strcmp(words[1], "off") == 0;
        if (ok) behaviour.line_check = strcmp(words[1], "on") == 0;
    } else if (strcmp(cmd, "garbage") == 0 && count >= 2) {
        uint8_t bytes[MAX_FRAME];
        /* The hex may contain spaces: take the rest of the original line. */
        const char *rest = strstr(safe, "garbage") + 7;
        int n = parse_hex(rest, bytes, sizeof bytes);
        ok = n > 0 && write_all(tty_fd, bytes, n) == 0;
    } else if (strcmp(cmd, "stats") == 0) {
        emit("stats", ",\"requests\":%ld,\"replies\":%ld", requests_seen, replies_sent);
    } else if (strcmp(cmd, "quit") == 0) {
        emit("ack", ",\"cmd\":\"%s\"", safe);
        emit("exit", ",\"reason\":\"quit\"");
        exit(0);
    } else {
        ok = 0;
    }

    if (ok) {
        emit("ack", ",\"cmd\":\"%s\"", safe);
    } else {
        emit("error", ",\"cmd\":\"%s\",\"message\":\"unknown or malformed command\"", safe);
    }
}

/* Reads what stdin has and runs every complete line; exits when stdin is closed (the test process went away). */
static void read_stdin(void)
{
    static char line[1024];
    static size_t line_len;
    ssize_t r = read(STDIN_FILENO, line + line_len, sizeof line - 1 - line_len);
    if (r <= 0) {
        if (r < 0 && (errno == EINTR || errno == EAGAIN)) {
            return;
        }
        emit("exit", ",\"reason\":\"stdin closed\"");
        exit(0);
    }
    line_len += (size_t)r;
    char *nl;
    while ((nl = memchr(line, '\n', line_len)) != NULL) {
        *nl = 0;
        handle_command(line);
        size_t used = (size_t)(nl - line) + 1;
        memmove(line, nl + 1, line_len - used);
        line_len -= used;
    }
    if (line_len == sizeof line - 1) {
        line_len = 0; /* an overlong line is dropped */
    }
}

/* Takes one use of a counter: true when the behaviour applies to this request. */
static int take(int *counter)
{
    if (*counter == FOREVER) {
        return 1;
    }
    if (*counter > 0) {
        (*counter)--;
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- requests */

static void set_crc(uint8_t *frame, int n)
{
    uint16_t crc = 0xFFFF;
    for (int i = 0; i < n - 2; i++) {
        crc ^= frame[i];
        for (int b = 0; b < 8; b++) {
            crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0xA001) : (uint16_t)(crc >> 1);
        }
    }
    frame[n - 2] = (uint8_t)(crc & 0xFF);
    frame[n - 1] = (uint8_t)(crc >> 8);
}

static void report_request(const uint8_t *req, int n)
{
    int function = req[1];
    char fields[2048];
    int len = snprintf(fields, sizeof fields, ",\"slave\":%d,\"function\":%d,\"length\":%d", req[0], function, n);
    if (n >= 6 && (function == 3 || function == 4 || function == 16 || function == 6)) {
        int address = (req[2] << 8) | req[3];
        int second = (req[4] << 8) | req[5];
        if (function == 6) {
            len += snprintf(fields + len, sizeof fields - len, ",\"address\":%d,\"value\":%d", address, second);
        } else {
            len += snprintf(fields + len, sizeof fields - len, ",\"address\":%d,\"count\":%d", address, second);
        }
        if (function == 16 && n >= 9) {
            len += snprintf(fields + len, sizeof fields - len, ",\"values\":[");
            for (int i = 0; i < second && 7 + 2 * i + 1 < n - 2 && len < (int)sizeof fields - 16; i++) {
                len += snprintf(fields + len, sizeof fields - len, "%s%d", i ? "," : "", (req[7 + 2 * i] << 8) | req[8 + 2 * i]);
            }
            len += snprintf(fields + len, sizeof fields - len, "]");
        }
    }
    emit("request", "%s", fields);
}

/* Builds libmodbus's answer into the reply pipe and returns its bytes (0: no answer, e.g. a broadcast). */
static int build_reply(const uint8_t *req, int n, int exception_code, uint8_t *out)
{
    int rc;
    modbus_set_socket(ctx, reply_pipe[1]);
    rc = exception_code ? modbus_reply_exception(ctx, req, (unsigned int)exception_code) : modbus_reply(ctx, req, n, map);
    modbus_set_socket(ctx, tty_fd);
    if (rc < 0) {
        emit("error", ",\"message\":\"modbus_reply failed: %s\"", modbus_strerror(errno));
        return 0;
    }

    int total = 0;
    for (;;) {
        ssize_t r = read(reply_pipe[0], out + total, (size_t)(MAX_FRAME - total));
        if (r <= 0) break;
        total += (int)r;
    }
    return total;
}

static void serve_one(int from_fd, const line_settings_t *mismatch)
{
    uint8_t req[MODBUS_RTU_MAX_ADU_LENGTH];
    uint8_t reply[MAX_FRAME];
    uint8_t wire[MAX_FRAME];
    char text[2 * MAX_FRAME + 1];
    int rc;

    modbus_set_socket(ctx, from_fd);
    rc = modbus_receive(ctx, req);
    modbus_set_socket(ctx, tty_fd);
    if (rc < 0) {
        if (errno == ECONNRESET && from_fd == tty_fd) {
            emit("exit", ",\"reason\":\"hangup\"");
            exit(0);
        }
        emit("receive-error", ",\"errno\":%d,\"message\":\"%s\"", errno, modbus_strerror(errno));
        return;
    }

    if (rc == 0) {
        /* A request for another slave, or (libmodbus's RTU server) the answer it then expects from that slave. */
        emit("ignored", ",\"slave\":%d,\"function\":%d", req[0], req[1]);
        return;
    }

    requests_seen++;
    report_request(req, rc);
    if (take(&behaviour.silent)) {
        emit("reply", ",\"mode\":\"silent\"");
        return;
    }

    const char *mode = "normal";
    int exception_code = 0;
    if (take(&behaviour.exception)) {
        exception_code = behaviour.exception_code;
        mode = "exception";
    }

    int n = build_reply(req, rc, exception_code, reply);
    if (n == 0) {
        emit("reply", ",\"mode\":\"none\"");
        return;
    }

    if (n >= 3 && (reply[1] & 0x80) && exception_code == 0) {
        mode = "exception";
    }

    if (n > 4 && take(&behaviour.truncate)) {
        n--;
        set_crc(reply, n);
        mode = "truncated";
    }

    if (take(&behaviour.wrong_slave)) {
        reply[0] = (uint8_t)behaviour.wrong_slave_id;
        set_crc(reply, n);
        mode = "wrong-slave";
    }

    if (take(&behaviour.corrupt_crc)) {
        reply[n - 1] ^= 0x5A;
        mode = "corrupt-crc";
    }

    if (behaviour.delay_ms > 0) {
        /* Commands keep working meanwhile, and a closed stdin ends the server at once. */
        long long until = mono_us() + behaviour.delay_ms * 1000LL;
        for (long long now = mono_us(); now < until; now = mono_us()) {
            struct pollfd in = {STDIN_FILENO, POLLIN, 0};
            int ms = (int)((until - now + 999) / 1000);
            if (poll(&in, 1, ms) > 0) {
                read_stdin();
            }
        }
    }

    const uint8_t *out = reply;
    int out_n = n;
    int errors = 0;
    if (mismatch != NULL) {
        out_n = uart_transfer(reply, n, &own, mismatch, wire, sizeof wire, &errors);
        out = wire;
    }

    hex(reply, n, text);
    if (write_all(tty_fd, out, out_n) != 0) {
        emit("exit", ",\"reason\":\"write failed: %s\"", strerror(errno));
        exit(0);
    }

    replies_sent++;
    int exception_sent = n >= 5 && (reply[1] & 0x80) ? reply[2] : 0;
    if (mismatch != NULL) {
        char garbled[2 * MAX_FRAME + 1];
        hex(out, out_n, garbled);
        emit("reply", ",\"mode\":\"%s\",\"bytes\":\"%s\",\"exceptionCode\":%d,\"delayMs\":%d,\"onWire\":\"%s\",\"charErrors\":%d",
             mode, text, exception_sent, behaviour.delay_ms, garbled, errors);
    } else {
        emit("reply", ",\"mode\":\"%s\",\"bytes\":\"%s\",\"exceptionCode\":%d,\"delayMs\":%d", mode, text, exception_sent,
             behaviour.delay_ms);
    }
}

/* Bytes arrived while the master's side is at other settings: read them up to a pause, pass them through the UART
   model, and let libmodbus parse what this UART would have received. */
static void serve_mismatched(const line_settings_t *peer)
{
    uint8_t raw[MAX_FRAME];
    uint8_t received[MAX_FRAME];
    char raw_hex[2 * MAX_FRAME + 1];
    char rx_hex[2 * MAX_FRAME + 1];
    int n = 0;
    for (;;) {
        struct pollfd p = {tty_fd, POLLIN, 0};
        if (poll(&p, 1, 10) <= 0 || !(p.revents & POLLIN)) {
            if (p.revents & (POLLHUP | POLLERR)) {
                emit("exit", ",\"reason\":\"hangup\"");
                exit(0);
            }
            break;
        }
        ssize_t r = read(tty_fd, raw + n, sizeof raw - (size_t)n);
        if (r == 0) {
            emit("exit", ",\"reason\":\"hangup\"");
            exit(0);
        }
        if (r < 0) {
            if (errno == EAGAIN || errno == EINTR) continue;
            break;
        }
        n += (int)r;
        if (n == (int)sizeof raw) break;
    }

    int errors = 0;
    int m = uart_transfer(raw, n, peer, &own, received, sizeof received, &errors);
    hex(raw, n, raw_hex);
    hex(received, m, rx_hex);
    emit("line-mismatch", ",\"peerBaud\":%d,\"peerParity\":\"%c\",\"peerStopBits\":%d,\"baud\":%d,\"parity\":\"%c\",\"stopBits\":%d,"
         "\"sent\":\"%s\",\"received\":\"%s\",\"charErrors\":%d",
         peer->baud, peer->parity, peer->stop_bits, own.baud, own.parity, own.stop_bits, raw_hex, rx_hex, errors);
    if (m == 0) {
        return;
    }

    if (write_all(request_pipe[1], received, m) != 0) {
        return;
    }

    serve_one(request_pipe[0], peer);
    /* Whatever libmodbus did not consume is line noise. */
    uint8_t drop[MAX_FRAME];
    while (read(request_pipe[0], drop, sizeof drop) > 0) {
    }
}

/* ---------------------------------------------------------------- main */

static void usage(void)
{
    fatal("usage: server --device <path> [--peer <path>] [--map sdm630|abb] [--slave <id>] [--baud <n>] [--parity N|E|O] "
          "[--stop-bits 1|2] [--energy-wh <n>] [--export-wh <n>] [--voltage <V>] [--current <A>] [--power <W>] "
          "[--frequency <Hz>] [--serial <n>] [--byte-timeout-ms <n>] [--debug]");
}

int main(int argc, char **argv)
{
    int debug = 0;
    int byte_timeout_ms = 20;
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);
    values.voltage[0] = values.voltage[1] = values.voltage[2] = 230.0;
    values.frequency = 50.0;
    values.serial = 12345678;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--debug") == 0) { debug = 1; continue; }
        if (v == NULL) usage();
        i++;
        if (strcmp(a, "--device") == 0) device = v;
        else if (strcmp(a, "--peer") == 0) peer_path = v;
        else if (strcmp(a, "--map") == 0) {
            if (strcmp(v, "sdm630") == 0) map_kind = MAP_SDM630;
            else if (strcmp(v, "abb") == 0) map_kind = MAP_ABB;
            else usage();
        }
        else if (strcmp(a, "--slave") == 0) slave_id = atoi(v);
        else if (strcmp(a, "--baud") == 0) own.baud = atoi(v);
        else if (strcmp(a, "--parity") == 0 && (v[0] == 'N' || v[0] == 'E' || v[0] == 'O') && v[1] == 0) own.parity = v[0];
        else if (strcmp(a, "--stop-bits") == 0 && (strcmp(v, "1") == 0 || strcmp(v, "2") == 0)) own.stop_bits = atoi(v);
        else if (strcmp(a, "--byte-timeout-ms") == 0) byte_timeout_ms = atoi(v);
        else if (strcmp(a, "--energy-wh") == 0) { if (!set_quantity("energy", v)) usage(); }
        else if (strcmp(a, "--export-wh") == 0) { if (!set_quantity("export", v)) usage(); }
        else if (strcmp(a, "--voltage") == 0) { if (!set_quantity("voltage", v)) usage(); }
        else if (strcmp(a, "--current") == 0) { if (!set_quantity("current", v)) usage(); }
        else if (strcmp(a, "--power") == 0) { if (!set_quantity("power", v)) usage(); }
        else if (strcmp(a, "--frequency") == 0) { if (!set_quantity("frequency", v)) usage(); }
        else if (strcmp(a, "--serial") == 0) { if (!set_quantity("serial", v)) usage(); }
        else usage();
    }

    if (device == NULL || slave_id < 1 || slave_id > 247 || !baud_supported(own.baud)) {
        usage();
    }

    ctx = modbus_new_rtu(device, own.baud, own.parity, 8, own.stop_bits);
    if (ctx == NULL) {
        fatal("modbus_new_rtu failed (unsupported settings?)");
    }

    modbus_set_debug(ctx, debug);
    modbus_set_slave(ctx, slave_id);
    /* After a frame for another slave libmodbus waits this long for that slave's answer and flushes: keep it short. */
    modbus_set_response_timeout(ctx, 0, 50000);
    modbus_set_byte_timeout(ctx, 0, (uint32_t)byte_timeout_ms * 1000);
    if (modbus_connect(ctx) != 0) {
        char message[512];
        snprintf(message, sizeof message, "cannot open %s: %s", device, modbus_strerror(errno));
        fatal(message);
    }

    tty_fd = modbus_get_socket(ctx);
    /* Bytes written to the line before this server opened it (a pty keeps them) are not for it. */
    tcflush(tty_fd, TCIOFLUSH);
    if (pipe2(reply_pipe, O_NONBLOCK | O_CLOEXEC) != 0 || pipe2(request_pipe, O_CLOEXEC) != 0
        || fcntl(request_pipe[0], F_SETFL, O_NONBLOCK) != 0) {
        fatal("pipe2 failed");
    }

    create_map();
    emit("listening", ",\"device\":\"%s\",\"map\":\"%s\",\"slave\":%d,\"baud\":%d,\"parity\":\"%c\",\"stopBits\":%d,\"pid\":%d",
         device, map_kind == MAP_SDM630 ? "sdm630" : "abb", slave_id, own.baud, own.parity, own.stop_bits, (int)getpid());

    for (;;) {
        struct pollfd fds[2] = {{tty_fd, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            fatal("poll failed");
        }

        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            read_stdin();
        }

        if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
            /* socat (the other end of the line) is gone. */
            emit("exit", ",\"reason\":\"hangup\"");
            return 0;
        }

        if (fds[0].revents & POLLIN) {
            line_settings_t peer;
            if (behaviour.line_check && read_peer_settings(&peer) && !same_settings(&peer, &own)) {
                serve_mismatched(&peer);
            } else {
                serve_one(tty_fd, NULL);
            }
        }
    }
}
