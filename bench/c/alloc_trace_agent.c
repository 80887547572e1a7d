/*
 * JVMTI agent that records every heap allocation one thread makes while a given method is on its
 * stack, with the stack, and prints the text of the Strings among them when the JVM exits. Used to
 * find what allocates in a game tick whose own code allocates nothing (see README, "Allocation-free
 * runs"); JFR's allocation events sample and can miss a single small allocation.
 *
 * Options: -agentpath:libtraceagent.so=<arm after ms>,<frame>
 *   <arm after ms>  ignore allocations during the first milliseconds (start-up, warm-up)
 *   <frame>         record only allocations with this frame on the stack, written as
 *                   "Lpackage/Class;.method" (default: the arena server's tick)
 * Only the thread that started the JVM (the launcher's main thread) is watched.
 */
#include <jvmti.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_FRAMES 48
#define MAX_KEPT 512

static jobject watched;
static long started = -1;
static long armAfterMillis = 0;
static char frameFilter[512] = "Ldev/entitynet/examples/arena/ArenaServer;.tick";
static jobject keptStrings[MAX_KEPT];
static int keptCount;

static long nowMillis(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Writes "Lpkg/Class;.method" for a frame into out; returns 0 on failure. */
static int frameName(jvmtiEnv *jv, jmethodID method, char *out, size_t size) {
    char *name = NULL, *holder = NULL;
    jclass declaring;
    int ok = (*jv)->GetMethodName(jv, method, &name, NULL, NULL) == JVMTI_ERROR_NONE
          && (*jv)->GetMethodDeclaringClass(jv, method, &declaring) == JVMTI_ERROR_NONE
          && (*jv)->GetClassSignature(jv, declaring, &holder, NULL) == JVMTI_ERROR_NONE;
    if (ok) snprintf(out, size, "%s.%s", holder, name);
    if (name) (*jv)->Deallocate(jv, (unsigned char *) name);
    if (holder) (*jv)->Deallocate(jv, (unsigned char *) holder);
    return ok;
}

static int lineOf(jvmtiEnv *jv, jmethodID method, jlocation location) {
    jvmtiLineNumberEntry *table = NULL;
    jint count = 0, line = -1;
    if ((*jv)->GetLineNumberTable(jv, method, &count, &table) != JVMTI_ERROR_NONE) return -1;
    for (jint k = 0; k < count; k++) {
        if (table[k].start_location <= location) line = table[k].line_number;
    }
    (*jv)->Deallocate(jv, (unsigned char *) table);
    return line;
}

static void JNICALL onAllocation(jvmtiEnv *jv, JNIEnv *env, jthread thread, jobject object, jclass klass, jlong size) {
    if (watched == NULL || !(*env)->IsSameObject(env, thread, watched) || nowMillis() - started < armAfterMillis) return;
    jvmtiFrameInfo frames[MAX_FRAMES];
    jint depth = 0;
    if ((*jv)->GetStackTrace(jv, thread, 0, MAX_FRAMES, frames, &depth) != JVMTI_ERROR_NONE) return;
    char name[1024];
    int matched = 0;
    for (jint i = 0; i < depth && !matched; i++) {
        matched = frameName(jv, frames[i].method, name, sizeof name) && strcmp(name, frameFilter) == 0;
    }
    if (!matched) return;
    char *type = NULL;
    (*jv)->GetClassSignature(jv, klass, &type, NULL);
    fprintf(stderr, "ALLOC %ld ms: %s, %ld bytes\n", nowMillis() - started, type ? type : "?", (long) size);
    if (type && strcmp(type, "Ljava/lang/String;") == 0 && keptCount < MAX_KEPT) {
        keptStrings[keptCount++] = (*env)->NewGlobalRef(env, object); /* its text is not set yet: print it at exit */
    }
    if (type) (*jv)->Deallocate(jv, (unsigned char *) type);
    for (jint i = 0; i < depth; i++) {
        if (frameName(jv, frames[i].method, name, sizeof name)) {
            fprintf(stderr, "ALLOC     at %s:%d\n", name, lineOf(jv, frames[i].method, frames[i].location));
        }
    }
}

static void JNICALL onVmInit(jvmtiEnv *jv, JNIEnv *env, jthread thread) {
    watched = (*env)->NewGlobalRef(env, thread);
    started = nowMillis();
}

static void JNICALL onVmDeath(jvmtiEnv *jv, JNIEnv *env) {
    for (int i = 0; i < keptCount; i++) {
        const char *text = (*env)->GetStringUTFChars(env, (jstring) keptStrings[i], NULL);
        fprintf(stderr, "ALLOC string %d: %s\n", i, text ? text : "(null)");
        if (text) (*env)->ReleaseStringUTFChars(env, (jstring) keptStrings[i], text);
    }
    fprintf(stderr, "ALLOC done: %d strings recorded\n", keptCount);
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    if (options && *options) {
        armAfterMillis = atol(options);
        const char *comma = strchr(options, ',');
        if (comma && comma[1]) snprintf(frameFilter, sizeof frameFilter, "%s", comma + 1);
    }
    jvmtiEnv *jvmti;
    if ((*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_11) != JNI_OK) {
        fprintf(stderr, "alloc trace agent: JVMTI 11 is not available\n");
        return JNI_ERR;
    }
    jvmtiCapabilities capabilities;
    memset(&capabilities, 0, sizeof capabilities);
    capabilities.can_generate_sampled_object_alloc_events = 1;
    capabilities.can_get_line_numbers = 1;
    if ((*jvmti)->AddCapabilities(jvmti, &capabilities) != JVMTI_ERROR_NONE) {
        fprintf(stderr, "alloc trace agent: this JVM cannot report allocations\n");
        return JNI_ERR;
    }
    jvmtiEventCallbacks callbacks;
    memset(&callbacks, 0, sizeof callbacks);
    callbacks.SampledObjectAlloc = onAllocation;
    callbacks.VMInit = onVmInit;
    callbacks.VMDeath = onVmDeath;
    (*jvmti)->SetEventCallbacks(jvmti, &callbacks, sizeof callbacks);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_DEATH, NULL);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_SAMPLED_OBJECT_ALLOC, NULL);
    (*jvmti)->SetHeapSamplingInterval(jvmti, 0); /* every allocation */
    return JNI_OK;
}
