package embedded

import (
	"fmt"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// zapLogger writes the server's log to zap under one constant message,
// the server's text in a field. Notices are chatty startup banners, so
// they go to debug with the server's own debug and trace lines; warnings
// and errors keep their level.
type zapLogger struct {
	l *zap.Logger
}

func (z zapLogger) write(level zapcore.Level, format string, v []any) {
	if ce := z.l.Check(level, "nats server"); ce != nil {
		ce.Write(zap.String("detail", fmt.Sprintf(format, v...)))
	}
}

func (z zapLogger) Noticef(format string, v ...any) { z.write(zapcore.DebugLevel, format, v) }
func (z zapLogger) Warnf(format string, v ...any)   { z.write(zapcore.WarnLevel, format, v) }
func (z zapLogger) Fatalf(format string, v ...any)  { z.write(zapcore.ErrorLevel, format, v) }
func (z zapLogger) Errorf(format string, v ...any)  { z.write(zapcore.ErrorLevel, format, v) }
func (z zapLogger) Debugf(format string, v ...any)  { z.write(zapcore.DebugLevel, format, v) }
func (z zapLogger) Tracef(format string, v ...any)  { z.write(zapcore.DebugLevel, format, v) }
