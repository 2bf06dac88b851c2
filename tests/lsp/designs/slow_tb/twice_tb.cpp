// A testbench that takes long (it sleeps, so it costs no CPU): the work the cancellation test
// interrupts.
#include <unistd.h>

int twice(int v);

int main() {
    sleep(30);
    return twice(21) == 42 ? 0 : 1;
}
